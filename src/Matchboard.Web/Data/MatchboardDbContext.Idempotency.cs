using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Idempotency keys, kept 24 hours, written in the transaction of the change they guard.</summary>
public partial class MatchboardDbContext
{
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
}
