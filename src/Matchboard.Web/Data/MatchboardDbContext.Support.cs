using Matchboard.Domain.Support;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Associations' requests for help to individual supporters (versioned: an answer and a withdrawal race).</summary>
public partial class MatchboardDbContext
{
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
}
