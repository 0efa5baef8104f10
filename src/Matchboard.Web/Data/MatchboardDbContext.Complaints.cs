using Matchboard.Domain.Complaints;
using Matchboard.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Complaints to the city (苦情) and reports of reviews (通報).</summary>
public partial class MatchboardDbContext
{
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ReviewReport> ReviewReports => Set<ReviewReport>();
}
