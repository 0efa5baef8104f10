using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Alerts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Home;

/// <summary>
/// The start page. Open alerts are the first thing an officer (or city staff, for escalated ones) sees after
/// signing in; then the to-do list of what needs this organization now.
/// </summary>
public sealed class IndexModel(AlertService alerts, TodoService todo) : PageModel
{
    /// <summary>Null unless signed in as an officer or city staff.</summary>
    public IReadOnlyList<AlertDto>? OpenAlerts { get; private set; }

    /// <summary>Empty unless signed in as an officer or a civic group's member.</summary>
    public IReadOnlyList<TodoItem> Todo { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationKind() is OrganizationKind.Association or OrganizationKind.CityOffice)
        {
            OpenAlerts = await alerts.ListOpenAsync(User, ct);
        }

        Todo = await todo.ListAsync(User, ct);
    }
}
