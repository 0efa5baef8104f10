using Matchboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Sign-in sessions, so that signing out ends a cookie or token before it expires.</summary>
public partial class MatchboardDbContext
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();
}
