using System.Globalization;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Matchboard.Web.Hubs;

/// <summary>
/// Live pushes only. A connection joins its organization's group and nothing more: every change goes
/// through the REST API, which pushes after it commits.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MatchboardHub : Hub
{
    public const string Path = "/hubs/matchboard";

    public static string GroupFor(int organizationId) =>
        "org-" + organizationId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var organizationId = Context.User?.OrganizationId();
        if (organizationId is null)
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(organizationId.Value));
        await base.OnConnectedAsync();
    }
}
