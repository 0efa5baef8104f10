namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>Accounts from seed-data/users.json.</summary>
public static class DemoAccounts
{
    public const string Password = "Matchboard-2026";

    /// <summary>Officer of 木月三丁目町内会 (中原区).</summary>
    public const string KizukiOfficer = "officer.kizuki@example.jp";

    /// <summary>Officer of 溝口一丁目町内会 (高津区).</summary>
    public const string MizonokuchiOfficer = "officer.mizonokuchi@example.jp";

    /// <summary>NPO法人 なかはら見守りネット: watch-over in 中原区・高津区, certified.</summary>
    public const string MimamoriStaff = "staff.mimamori@example.jp";

    /// <summary>一般社団法人 たまがわクリーンサポート: cleanup in 高津区・多摩区, not certified.</summary>
    public const string TamagawaStaff = "staff.tamagawa@example.jp";

    public const string UnverifiedStaff = "staff.unverified@example.jp";

    public const string CityStaff = "city.staff@example.jp";

    /// <summary>小杉 みどり: a verified individual supporter in 中原区 (見守り, 回覧・広報の配布).</summary>
    public const string KosugiSupporter = "supporter.kosugi@example.jp";
}
