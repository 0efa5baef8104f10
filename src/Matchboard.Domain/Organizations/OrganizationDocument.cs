namespace Matchboard.Domain.Organizations;

/// <summary>Which paper an organization sends the city for its verification.</summary>
public enum DocumentKind
{
    /// <summary>規約・定款</summary>
    Articles,

    /// <summary>NPO法人の登記（登録）の証明</summary>
    NpoRegistration,

    /// <summary>保険の証書</summary>
    InsuranceCertificate,
}

/// <summary>The file formats the city accepts, told by the file's first bytes only.</summary>
public enum DocumentFormat
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// A document sent for verification. The file itself lives outside the web root under <see cref="StorageName"/>;
/// only its organization and city staff may read it.
/// </summary>
public class OrganizationDocument
{
    /// <summary>5 MB: a scanned certificate fits; a phone photo of a page does too.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int FileNameMaxLength = 200;

    private OrganizationDocument()
    {
        FileName = string.Empty;
        StorageName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>The name the file had on the sender's computer, for display only (never used to find or type the file).</summary>
    public string FileName { get; private set; }

    public DocumentFormat Format { get; private set; }

    public long Length { get; private set; }

    /// <summary>A random name in the documents folder, never derived from anything the sender chose.</summary>
    public string StorageName { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Accepts a document whose first bytes say PDF, JPEG or PNG and whose size is within the limit; anything else is
    /// refused whatever its name or declared type says.
    /// </summary>
    public static OrganizationDocument Accept(
        int organizationId, DocumentKind kind, string? fileName, ReadOnlySpan<byte> head, long length,
        string storageName, string uploadedByUserId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("document.kind-invalid", DomainErrorKind.RuleViolation);
        }

        if (length <= 0)
        {
            throw new DomainException("document.empty", DomainErrorKind.RuleViolation);
        }

        if (length > MaxBytes)
        {
            throw new DomainException("document.too-large", DomainErrorKind.RuleViolation);
        }

        var format = Detect(head) ?? throw new DomainException("document.type-not-allowed", DomainErrorKind.RuleViolation);
        return new OrganizationDocument
        {
            OrganizationId = organizationId,
            Kind = kind,
            FileName = DisplayName(fileName, format),
            Format = format,
            Length = length,
            StorageName = storageName,
            UploadedByUserId = uploadedByUserId,
            UploadedAt = now,
        };
    }

    /// <summary>The format the first bytes announce (PDF <c>%PDF-</c>, JPEG <c>FF D8 FF</c>, PNG's 8-byte signature), or null.</summary>
    public static DocumentFormat? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? DocumentFormat.Pdf
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? DocumentFormat.Jpeg
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? DocumentFormat.Png
        : null;

    public static string ContentTypeOf(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public string ContentType => ContentTypeOf(Format);

    /// <summary>The sender's file name without folders or control characters; a plain name when nothing usable is left.</summary>
    private static string DisplayName(string? fileName, DocumentFormat format)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "document." + format.ToString().ToLowerInvariant();
        }

        return name.Length > FileNameMaxLength ? name[^FileNameMaxLength..] : name;
    }
}
