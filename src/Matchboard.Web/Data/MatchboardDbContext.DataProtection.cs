using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>The Data Protection key ring, shared by every instance through the database.</summary>
public partial class MatchboardDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
