using Matchboard.Domain.Notifications;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");

        // The id only identifies the row: ids are given at insert, not at commit, so they say nothing about
        // order. The order clients follow is the per-organization sequence (NotificationCounter).
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Path).HasMaxLength(Notification.PathMaxLength);
        // No foreign key: a notification outlives the account of whoever caused it.
        builder.Property(n => n.ActorUserId).HasMaxLength(450);
        // The match of a TaskPosted, frozen as sent (score, top reasons with their words in both languages): one JSON
        // text column, read and written whole, never queried. The feed therefore maps in memory, not in SQL.
        builder.Property(n => n.Match).HasConversion(
            m => MatchJson.Write(m),
            s => MatchJson.Read(s),
            // Compared by value without writing the JSON: the change tracker compares every tracked notification on each
            // DetectChanges, and a new task's thousand TaskPosted rows made that serializing comparison most of its publish.
            // A match is immutable (a record of records), so the snapshot is the instance itself.
            new ValueComparer<NotificationMatch?>((a, b) => MatchJson.SameMatch(a, b), m => MatchJson.HashOf(m), m => m));
        builder.HasOne<Matchboard.Domain.Organizations.Organization>().WithMany()
            .HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        // One number per place: a second writer that somehow got the same number fails instead of hiding a row.
        builder.HasIndex(n => new { n.OrganizationId, n.Sequence }).IsUnique();
    }
}

/// <summary>The stored form of a <see cref="NotificationMatch"/> (camelCase JSON, the words as written).</summary>
internal static class MatchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(NotificationMatch? match) => match is null ? string.Empty : JsonSerializer.Serialize(match, Options);

    public static bool SameMatch(NotificationMatch? a, NotificationMatch? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Score == b.Score && a.Reasons.SequenceEqual(b.Reasons));

    public static int HashOf(NotificationMatch? match) => match is null ? 0 : HashCode.Combine(match.Score, match.Reasons.Count);

    public static NotificationMatch? Read(string json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<NotificationMatch>(json, Options);
}
