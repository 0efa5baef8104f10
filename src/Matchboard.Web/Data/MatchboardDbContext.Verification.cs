using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>The city's verification: its decisions and the documents organizations send for it.</summary>
public partial class MatchboardDbContext
{
    public DbSet<VerificationDecision> VerificationDecisions => Set<VerificationDecision>();

    public DbSet<OrganizationDocument> OrganizationDocuments => Set<OrganizationDocument>();
}
