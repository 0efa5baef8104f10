namespace Matchboard.Web.Features.Site;

/// <summary>
/// The city office's contact, shown on the contact, privacy and about pages (Matchboard:Contact:*). The defaults
/// are invented example data (an .example.jp address): a real deployment sets its own, and until it does the
/// contact page says the details are an example.
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Matchboard:Contact";

    public string Office { get; set; } = "川崎市 市民文化局 地域活動推進課";

    public string OfficeEnglish { get; set; } = "City of Kawasaki, Civic Affairs Bureau, Community Activities Promotion Section";

    public string Phone { get; set; } = "044-200-0000";

    public string Email { get; set; } = "matchboard@city.kawasaki.example.jp";

    public string Hours { get; set; } = "平日 8時30分〜17時15分（土曜・日曜・祝日・年末年始はお休みです）";

    public string HoursEnglish { get; set; } = "Weekdays 8:30–17:15 (closed on Saturdays, Sundays, public holidays and over the New Year)";

    /// <summary>Still the invented default: the page must not pass it off as a real contact.</summary>
    public bool IsExample => Email.EndsWith(".example.jp", StringComparison.OrdinalIgnoreCase);

    public string OfficeName(bool english) => english ? OfficeEnglish : Office;

    public string OfficeHours(bool english) => english ? HoursEnglish : Hours;

    /// <summary>The number as a tel: link wants it: digits and a leading plus only.</summary>
    public string PhoneLink => "tel:" + new string(Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}
