using System.Globalization;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Organizations;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>
/// Every value the screens show in the user's language, in one place: dates in Japanese style
/// (「2026年12月3日(木)」 / "Thu, 3 Dec 2026"), yen with thousands separators, and the names of
/// wards, categories and states from <c>UiText</c>.
/// </summary>
public sealed class UiFormat(IStringLocalizer<UiText> text, TimeProvider clock)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The value of <c>&lt;html lang&gt;</c>.</summary>
    public static string Lang => IsEnglish ? "en" : "ja";

    public IStringLocalizer<UiText> Text => text;

    public DateOnly Today => JapanTime.DateOf(clock.GetUtcNow());

    public string Date(DateOnly day) => IsEnglish
        ? day.ToString("ddd, d MMM yyyy", English)
        : day.ToString("yyyy年M月d日(ddd)", Japanese);

    /// <summary>An instant as a Kawasaki date and time.</summary>
    public string DateTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(JapanTime.Offset);
        var day = Date(DateOnly.FromDateTime(local.DateTime));
        return IsEnglish ? $"{day}, {local:HH:mm}" : $"{day} {local:H:mm}";
    }

    public static string Yen(long amount) => "¥" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>「火」 / "Tue".</summary>
    public string Weekday(DayOfWeek day) => IsEnglish
        ? English.DateTimeFormat.GetAbbreviatedDayName(day)
        : Japanese.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary>「毎週 火・金」 / "Every Tue, Fri"; all seven days read 「毎日」.</summary>
    public string Weekdays(IEnumerable<DayOfWeek> days) => Pattern(days, Weekday);

    /// <summary>「毎週 火曜日」 / "Every Tuesday": the contract's visit pattern, in full day names.</summary>
    public string WeekdaysLong(IEnumerable<DayOfWeek> days) =>
        Pattern(days, day => (IsEnglish ? English : Japanese).DateTimeFormat.GetDayName(day));

    private string Pattern(IEnumerable<DayOfWeek> days, Func<DayOfWeek, string> name)
    {
        var set = WeekdaySet.Of(days).Days;
        return set.Count == 7
            ? text["value.every-day"]
            : text["value.weekdays", string.Join(IsEnglish ? ", " : "・", set.Select(name))];
    }

    public string Category(string code) => Lookup("category." + code, code);

    public string Ward(string code) => Lookup("ward." + code, code);

    public string Status(CommunityTaskStatus status) => Lookup("task-status." + status, status.ToString());

    /// <summary>Open tasks whose deadline has passed wait for a decision, whatever the sweeper has done yet.</summary>
    public string Status(CommunityTaskStatus status, DateTimeOffset deadline) =>
        Status(TaskDeadline.EffectiveStatus(status, deadline, clock.GetUtcNow()));

    public string Status(BidStatus status) => Lookup("bid-status." + status, status.ToString());

    public string Status(ContractStatus status) => Lookup("contract-status." + status, status.ToString());

    public string LegalForm(LegalForm? form) => form is { } f ? Lookup("legal-form." + f, f.ToString()) : text["legal-form.unknown"];

    public string ActivityStyle(ActivityStyle? style) => style is { } s ? Lookup("activity-style." + s, s.ToString()) : string.Empty;

    /// <summary>The mark's state today, by the domain's one rule (None without a mark).</summary>
    public CertificationState CertificationState(CertificationDto? certification) =>
        certification?.StateOn(Today) ?? Domain.Organizations.CertificationState.None;

    public string OrganizationKind(OrganizationKind kind) => Lookup("org-kind." + kind, kind.ToString());

    public string VerificationStatus(VerificationStatus status) => Lookup("verification-status." + status, status.ToString());

    public string VerificationOutcome(VerificationOutcome outcome) => Lookup("verification-outcome." + outcome, outcome.ToString());

    public string DocumentKind(DocumentKind kind) => Lookup("document-kind." + kind, kind.ToString());


    /// <summary>Whether the mark counts today (certification-required tasks, the badge, matching).</summary>
    public bool Certified(CertificationDto? certification) =>
        Domain.Organizations.Certification.Counts(CertificationState(certification));

    /// <summary>
    /// The badge's words: 「市の認証あり（2027年10月まで）」, 「まもなく期限（2027年1月31日まで）」, 「認証の期限切れ」,
    /// 「認証の一時停止」, 「認証の取り消し」, or that there is none.
    /// </summary>
    public string Certification(CertificationDto? certification) => CertificationState(certification) switch
    {
        Domain.Organizations.CertificationState.Valid => text["cert.valid", MonthYear(certification!.Expires)],
        Domain.Organizations.CertificationState.ExpiringSoon => text["cert.expiring-soon", PlainDate(certification!.Expires)],
        Domain.Organizations.CertificationState.NotYetValid => text["cert.not-yet-valid", PlainDate(certification!.Issued)],
        Domain.Organizations.CertificationState.Expired => text["cert.expired"],
        Domain.Organizations.CertificationState.Suspended => text["cert.suspended"],
        Domain.Organizations.CertificationState.Revoked => text["cert.revoked"],
        _ => text["cert.none"],
    };

    public string Certification(Certification? certification) => Certification(CertificationDto.Of(certification));

    /// <summary>「有効」「期限が近い」…: the state's name on the city's pages.</summary>
    public string CertificationStateName(CertificationState state) => Lookup("cert-state." + state, state.ToString());

    /// <summary>「2027年1月31日」 / "31 Jan 2027": a day without its weekday, inside a sentence.</summary>
    public string PlainDate(DateOnly day) => IsEnglish
        ? day.ToString("d MMM yyyy", English)
        : day.ToString("yyyy年M月d日", Japanese);

    public string MonthYear(DateOnly day) => IsEnglish
        ? day.ToString("MMM yyyy", English)
        : day.ToString("yyyy年M月", Japanese);

    public string Fee(bool isVolunteer, long feeYen) => isVolunteer
        ? text["fee.volunteer", Yen(feeYen)]
        : text["fee.paid", Yen(feeYen)];

    /// <summary>「新しい提案が届きました：…」; a type without its own text yet still reads as a notification.</summary>
    public string Notification(NotificationType type, string title)
    {
        var value = text["notify." + type, title];
        return value.ResourceNotFound ? text["notify.other", title] : value.Value;
    }

    private string Lookup(string key, string fallback)
    {
        var value = text[key];
        return value.ResourceNotFound ? fallback : value.Value;
    }
}
