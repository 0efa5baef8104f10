using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Home;

/// <summary>
/// The start page. Open alerts are the first thing an officer (or city staff, for escalated ones) sees after
/// signing in; then the to-do list of what needs this organization now. A civic group sees the first open tasks
/// recommended for it (the ranked list of GET /api/matches/tasks), each with its score and top reasons.
/// </summary>
public sealed class IndexModel(AlertService alerts, TodoService todo, MatchService matches) : PageModel
{
    /// <summary>How many recommended tasks the start page shows, and how many reasons beside each.</summary>
    public const int RecommendedCount = 5;

    public const int ReasonCount = 3;

    /// <summary>Null unless signed in as an officer or city staff.</summary>
    public IReadOnlyList<AlertDto>? OpenAlerts { get; private set; }

    /// <summary>Empty unless signed in as an officer or a civic group's member.</summary>
    public IReadOnlyList<TodoItem> Todo { get; private set; } = [];

    /// <summary>Null unless signed in as a civic group: page 1 of its ranked open tasks.</summary>
    public PagedResult<TaskMatchDto>? Recommended { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationKind() is OrganizationKind.Association or OrganizationKind.CityOffice)
        {
            OpenAlerts = await alerts.ListOpenAsync(User, ct);
        }

        Todo = await todo.ListAsync(User, ct);
        if (User.OrganizationKind() == OrganizationKind.CivicGroup)
        {
            Recommended = await matches.TasksForAsync(
                new TaskMatchQuery(null, null, null, null, null, 1, RecommendedCount), User, ct);
        }
    }
}
