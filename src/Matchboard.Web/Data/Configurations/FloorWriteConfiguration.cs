using Matchboard.Web.Data.Benchmarking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class FloorWriteConfiguration : IEntityTypeConfiguration<FloorWrite>
{
    public void Configure(EntityTypeBuilder<FloorWrite> builder)
    {
        // Written only by the benchmark's insert floor; empty in every real deployment.
        builder.ToTable("FloorWrites");
        builder.Property(w => w.Note).HasMaxLength(FloorWrite.NoteMaxLength);
    }
}
