using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Matchboard.Web.Features.Verification;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Matchboard.Web.Tests.Infrastructure.VerificationSetup;

namespace Matchboard.Web.Tests;

/// <summary>
/// Documents for verification: PDF, JPEG or PNG by their first bytes, at most 5 MB, kept outside the web root and
/// served to their organization and city staff only.
/// </summary>
public sealed class VerificationDocumentTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [Fact]
    public async Task ARealPdfIsStoredOutsideTheWebRootAndServedToTheOrganizationAndCityStaff()
    {
        var (_, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);

        var response = await UploadAsync(group, Pdf, "規約.pdf", "application/pdf", "Articles");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = (await response.Content.ReadFromJsonAsync<DocumentDto>(ApiClient.Json))!;
        Assert.Equal(("規約.pdf", "application/pdf"), (document.FileName, document.ContentType));
        var stored = Directory.GetFiles(factory.Documents);
        Assert.NotEmpty(stored);
        var mine = await group.Http.GetAsync(document.Url);
        Assert.Equal(Pdf, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType!.MediaType);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        Assert.Equal(Pdf, await (await city.Http.GetAsync(document.Url)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/documents/{Path.GetFileName(stored[0])}")).StatusCode);
    }

    [Fact]
    public async Task APngIsTypedByItsBytesWhateverItsNameOrHeaderSay()
    {
        var (_, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);

        var response = await UploadAsync(group, Png, "scan.pdf", "application/pdf", "InsuranceCertificate");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("image/png", (await response.Content.ReadFromJsonAsync<DocumentDto>(ApiClient.Json))!.ContentType);
    }

    [Fact]
    public async Task TextNamedPdfIsRefusedAndNothingIsStored()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var files = FilesNow();

        var response = await UploadAsync(group, "<html>これはPDFではありません</html>"u8.ToArray(), "規約.pdf", "application/pdf", "Articles");

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.UnprocessableEntity, "document.type-not-allowed");
        Assert.Contains("PDF", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await DocumentsOfAsync(groupId));
        Assert.Equal(files, FilesNow());
    }

    [Fact]
    public async Task MoreThanFiveMegabytesIsRefusedAndNothingIsStored()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var files = FilesNow();
        var big = new byte[(5 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(group, big, "大きい.pdf", "application/pdf", "Articles");

        await ProblemAssert.HasCodeAsync(response, HttpStatusCode.UnprocessableEntity, "document.too-large");
        Assert.Equal(0, await DocumentsOfAsync(groupId));
        Assert.Equal(files, FilesNow());
    }

    [Fact]
    public async Task AnotherOrganizationGetsNotFound()
    {
        var (_, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var document = (await (await UploadAsync(group, Pdf, "規約.pdf", "application/pdf", "Articles")).Content.ReadFromJsonAsync<DocumentDto>(ApiClient.Json))!;

        var other = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(document.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync(document.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(document.Url)).StatusCode);
    }

    [Fact]
    public async Task ThePageRefusesAFileThatLiesWithALocalizedMessage()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var page = await PageClient.CreateAsync(factory, email);
        var form = await page.Http.GetStringAsync("/Organizations/Verification");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Articles"), "DocumentKind" },
            { File("just text"u8.ToArray(), "application/pdf"), "Document", "規約.pdf" },
        };

        var response = await page.Http.PostAsync("/Organizations/Verification", content);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PDF、JPEG、PNGのファイルだけを送れます", html);
        Assert.Equal(0, await DocumentsOfAsync(groupId));
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiClient client, byte[] bytes, string name, string contentType, string kind)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { File(bytes, contentType), "file", name },
        };
        return await client.Http.PostAsync("/api/verification/mine/documents", content);
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return file;
    }

    private string[] FilesNow() => Directory.Exists(factory.Documents) ? Directory.GetFiles(factory.Documents).Order().ToArray() : [];

    private Task<int> DocumentsOfAsync(int organizationId) =>
        ReadAsync(factory, db => db.OrganizationDocuments.CountAsync(d => d.OrganizationId == organizationId));
}
