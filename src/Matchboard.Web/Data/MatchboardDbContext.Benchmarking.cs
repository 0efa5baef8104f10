using Matchboard.Web.Data.Benchmarking;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>The benchmark's insert floor's rows (see <see cref="FloorWrite"/>): empty unless the floors are on.</summary>
public partial class MatchboardDbContext
{
    public DbSet<FloorWrite> FloorWrites => Set<FloorWrite>();
}
