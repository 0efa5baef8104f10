using Matchboard.Domain.Teams;
using Matchboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Invitations to an organization's team, and the record of what was done to accounts.</summary>
public partial class MatchboardDbContext
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();
}
