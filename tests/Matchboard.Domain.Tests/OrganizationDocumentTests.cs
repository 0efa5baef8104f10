using Matchboard.Domain.Organizations;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class OrganizationDocumentTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, DocumentFormat.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, DocumentFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, DocumentFormat.Png)]
    public void TheFormatComesFromTheFirstBytes(byte[] head, DocumentFormat format) =>
        Assert.Equal(format, Accept("whatever.txt", head, 100).Format);

    [Fact]
    public void TextNamedPdfIsRefused() =>
        AssertFails(() => Accept("規約.pdf", "これはPDFではありません"u8.ToArray(), 100), "document.type-not-allowed", DomainErrorKind.RuleViolation);

    [Fact]
    public void MoreThanFiveMegabytesIsRefused() =>
        AssertFails(() => Accept("a.pdf", "%PDF-1.7"u8.ToArray(), OrganizationDocument.MaxBytes + 1), "document.too-large", DomainErrorKind.RuleViolation);

    [Fact]
    public void ExactlyFiveMegabytesIsAccepted() =>
        Assert.Equal(OrganizationDocument.MaxBytes, Accept("a.pdf", "%PDF-1.7"u8.ToArray(), OrganizationDocument.MaxBytes).Length);

    [Fact]
    public void TheShownNameKeepsNoFolders() =>
        Assert.Equal("定款.pdf", Accept("../../etc/定款.pdf", "%PDF-1.7"u8.ToArray(), 10).FileName);

    private static OrganizationDocument Accept(string name, byte[] head, long length) =>
        OrganizationDocument.Accept(7, DocumentKind.Articles, name, head, length, "stored", "user-1", DateTimeOffset.UnixEpoch);
}
