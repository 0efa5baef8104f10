using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Tasks;

/// <summary>What a visitor can narrow the task board by: the board itself and the tasks ranked for a group ("filterable like the board").</summary>
public interface IBoardFilters
{
    string? Category { get; }

    string? Ward { get; }

    string? Q { get; }

    bool? Volunteer { get; }

    int? DeadlineWithinDays { get; }
}

public static class BoardFilters
{
    /// <summary>The board's filters of <paramref name="filters"/> on <paramref name="tasks"/>, the one place both lists take them from.</summary>
    public static IQueryable<CommunityTask> Filtered(this IQueryable<CommunityTask> tasks, IBoardFilters filters, DateTimeOffset now)
    {
        if (filters.Category is { } category)
        {
            tasks = tasks.Where(t => t.Category == category);
        }

        if (filters.Ward is { } ward)
        {
            tasks = tasks.Where(t => t.Ward == ward);
        }

        if (filters.Volunteer is { } volunteer)
        {
            tasks = tasks.Where(t => t.IsVolunteer == volunteer);
        }

        if (filters.DeadlineWithinDays is { } days)
        {
            var limit = now.AddDays(days);
            tasks = tasks.Where(t => t.BidDeadline <= limit);
        }

        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var text = filters.Q.Trim();
            tasks = tasks.Where(t => t.Title.Contains(text) || t.Description.Contains(text) || t.Town.Contains(text));
        }

        return tasks;
    }
}
