namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>Valid request bodies that a test changes one field of.</summary>
public static class Requests
{
    /// <summary>A watch-over task in 中原区 that requires city certification, deadline three days after <paramref name="now"/>.</summary>
    public static Dictionary<string, object?> WatchOverTask(DateTimeOffset now, bool publish = true) => new()
    {
        ["title"] = "一人暮らしの高齢者の見守り訪問（週1回）",
        ["description"] = "木月三丁目の一人暮らしの高齢の方12世帯を、週に1回訪問してください。",
        ["category"] = "watch-over",
        ["ward"] = "nakahara",
        ["town"] = "木月",
        ["startDate"] = DateOnly.FromDateTime(now.AddDays(10).DateTime).ToString("yyyy-MM-dd"),
        ["endDate"] = DateOnly.FromDateTime(now.AddDays(100).DateTime).ToString("yyyy-MM-dd"),
        ["visitWeekdays"] = new[] { "Tuesday" },
        ["isVolunteer"] = false,
        ["feeYen"] = 180_000,
        ["bidDeadline"] = now.AddDays(3),
        ["certificationRequired"] = true,
        ["insuranceRequired"] = true,
        ["householdsServed"] = 12,
        ["publish"] = publish,
    };

    /// <summary>A volunteer clean-up in 高津区 with no certification needed.</summary>
    public static Dictionary<string, object?> CleanupTask(DateTimeOffset now) => new(WatchOverTask(now))
    {
        ["title"] = "駅前の歩道の清掃（月1回）",
        ["category"] = "cleanup",
        ["ward"] = "takatsu",
        ["town"] = "溝口",
        ["isVolunteer"] = true,
        ["feeYen"] = 20_000,
        ["certificationRequired"] = false,
    };

    /// <summary>A paid clean-up (fee 20,000 yen) that needs neither certification nor insurance: any verified group may bid.</summary>
    public static Dictionary<string, object?> PaidCleanupTask(DateTimeOffset now) => new(CleanupTask(now))
    {
        ["isVolunteer"] = false,
        ["feeYen"] = 20_000,
        ["insuranceRequired"] = false,
    };

    /// <summary>A bid; without <paramref name="earliestStart"/> it starts ten days from the real today (tasks above start then).</summary>
    public static object Bid(long amountYen, string proposal = "週1回、2人1組で訪問します。", DateOnly? earliestStart = null) => new
    {
        amountYen,
        proposal,
        staffPlanned = 3,
        earliestStart = (earliestStart ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10))).ToString("yyyy-MM-dd"),
    };

    /// <summary>The new-task page's fields for a paid monthly clean-up in 中原区, starting in ten days.</summary>
    public static Dictionary<string, string> CleanupTaskForm(DateTimeOffset now)
    {
        var start = Domain.JapanTime.DateOf(now).AddDays(10);
        return new()
        {
            ["Input.Title"] = "公園の清掃（月1回）",
            ["Input.Description"] = "町内の公園を月に1回清掃してください。",
            ["Input.Category"] = "cleanup",
            ["Input.Ward"] = "nakahara",
            ["Input.Town"] = "木月",
            ["Input.StartDate"] = $"{start:yyyy-MM-dd}",
            ["Input.EndDate"] = $"{start.AddDays(90):yyyy-MM-dd}",
            ["Input.VisitWeekdays"] = "Saturday",
            ["Input.Pay"] = "fee",
            ["Input.FeeYen"] = "20000",
            ["Input.DeadlineDate"] = $"{start.AddDays(-5):yyyy-MM-dd}",
            ["Input.DeadlineTime"] = "17:00",
            ["Input.CertificationRequired"] = "false",
            ["Input.InsuranceRequired"] = "false",
        };
    }
}
