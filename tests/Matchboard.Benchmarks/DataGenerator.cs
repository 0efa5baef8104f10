using System.Diagnostics;
using System.Text.Json;
using Matchboard.Domain;
using Matchboard.Web.Data.Provider;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Benchmarks;

/// <summary>
/// Writes the benchmark's SQLite file: the app's schema by its own migrations, then associations, civic groups and
/// open tasks as plain INSERTs in one transaction (EF's change tracker would take minutes for 100,000 rows).
/// The mix is deterministic (seeded) and shaped like the city: every ward and category, most groups verified,
/// some certified (a few expired or suspended), a fifth of the tasks requiring certification.
/// </summary>
public static class DataGenerator
{
    public static async Task<TimeSpan> GenerateAsync(BenchmarkOptions options, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        foreach (var file in new[] { options.DatabaseFile, options.DatabaseFile + "-wal", options.DatabaseFile + "-shm" })
        {
            File.Delete(file);
        }

        await using (var db = BenchmarkDatabase.Open(options.DatabaseFile))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={options.DatabaseFile}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        var random = new Random(options.Seed);
        var today = JapanTime.DateOf(now);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var associationIds = InsertOrganizations(connection, transaction, options.Associations, random, today, association: true);
        var groupIds = InsertOrganizations(connection, transaction, options.Groups, random, today, association: false);
        InsertTasks(connection, transaction, options.Tasks, associationIds, random, now);
        if (options.History)
        {
            // A second sequence, so that the open tasks and the groups above are the same with a history and without.
            InsertHistory(transaction, groupIds, associationIds, new Random(options.Seed + 1), now);
        }

        await transaction.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }

        return watch.Elapsed;
    }

    private static List<long> InsertOrganizations(
        SqliteConnection connection, SqliteTransaction transaction, int count, Random random, DateOnly today, bool association)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Organizations (Name, Kind, Ward, Town, Capacity, Categories, WardsServed, IsVerified,
                IsInformationRequested, IsVerificationDeclined, IsVerificationSuspended, Version, TeamVersion,
                CertificationNumber, CertificationIssued, CertificationExpires, CertificationSuspendedAt,
                CertificationExpiryLapseHandled)
            VALUES ($name, $kind, $ward, $town, $capacity, $categories, $wardsServed, $verified, 0, 0, 0, 0, 0,
                $certNumber, $certIssued, $certExpires, $certSuspendedAt, $certLapse);
            SELECT last_insert_rowid();
            """;
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var ward = command.Parameters.Add("$ward", SqliteType.Text);
        var town = command.Parameters.Add("$town", SqliteType.Text);
        var capacity = command.Parameters.Add("$capacity", SqliteType.Integer);
        var categories = command.Parameters.Add("$categories", SqliteType.Text);
        var wardsServed = command.Parameters.Add("$wardsServed", SqliteType.Text);
        var verified = command.Parameters.Add("$verified", SqliteType.Integer);
        var certNumber = command.Parameters.Add("$certNumber", SqliteType.Text);
        var certIssued = command.Parameters.Add("$certIssued", SqliteType.Text);
        var certExpires = command.Parameters.Add("$certExpires", SqliteType.Text);
        var certSuspendedAt = command.Parameters.Add("$certSuspendedAt", SqliteType.Integer);
        var certLapse = command.Parameters.Add("$certLapse", SqliteType.Integer);
        command.Prepare();

        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var home = Pick(Wards.All, random);
            name.Value = association ? $"ベンチ町内会{i + 1}" : $"ベンチ市民団体{i + 1}";
            kind.Value = association ? "Association" : "CivicGroup";
            ward.Value = home;
            town.Value = $"{home}-{random.Next(1, 40)}丁目";
            capacity.Value = random.Next(1, 10);
            // A group serves 1–3 categories in its home ward and sometimes one or two more.
            categories.Value = association ? "[]" : JsonSerializer.Serialize(Some(Categories.All, random.Next(1, 4), random));
            wardsServed.Value = association
                ? "[]"
                : JsonSerializer.Serialize(Some(Wards.All.Where(w => w != home).ToList(), random.Next(0, 3), random).Prepend(home).ToList());
            verified.Value = association || random.NextDouble() < 0.9 ? 1 : 0;

            // About 40% of the groups hold the city's mark: most valid, some expired, some suspended.
            var certified = !association && random.NextDouble() < 0.4;
            var state = random.NextDouble();
            certNumber.Value = certified ? $"KC-{i + 1:D6}" : DBNull.Value;
            certIssued.Value = certified ? today.AddDays(-random.Next(30, 700)).ToString("yyyy-MM-dd") : DBNull.Value;
            certExpires.Value = certified
                ? (state < 0.1 ? today.AddDays(-random.Next(1, 90)) : today.AddDays(random.Next(10, 900))).ToString("yyyy-MM-dd")
                : DBNull.Value;
            certSuspendedAt.Value = certified && state > 0.95 ? DateTimeOffset.UtcNow.AddDays(-3).UtcTicks : DBNull.Value;
            certLapse.Value = certified ? 0 : DBNull.Value;
            ids.Add((long)command.ExecuteScalar()!);
        }

        return ids;
    }

    private static void InsertTasks(
        SqliteConnection connection, SqliteTransaction transaction, int count, List<long> associationIds, Random random, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Tasks (AssociationId, Title, Description, Category, Ward, Town, Status, FeeYen, IsVolunteer,
                CertificationRequired, InsuranceRequired, HouseholdsServed, VisitsPlanned, VisitWeekdays, StartDate, EndDate,
                BidDeadline, CreatedAt, PublishedAt, Revision, Version)
            VALUES ($association, $title, $description, $category, $ward, $town, 'Open', $fee, 0,
                $certificationRequired, $insuranceRequired, $households, $visits, 42, $start, $end,
                $deadline, $created, $created, 1, 0);
            """;
        var association = command.Parameters.Add("$association", SqliteType.Integer);
        var title = command.Parameters.Add("$title", SqliteType.Text);
        var description = command.Parameters.Add("$description", SqliteType.Text);
        var category = command.Parameters.Add("$category", SqliteType.Text);
        var ward = command.Parameters.Add("$ward", SqliteType.Text);
        var town = command.Parameters.Add("$town", SqliteType.Text);
        var fee = command.Parameters.Add("$fee", SqliteType.Integer);
        var certificationRequired = command.Parameters.Add("$certificationRequired", SqliteType.Integer);
        var insuranceRequired = command.Parameters.Add("$insuranceRequired", SqliteType.Integer);
        var households = command.Parameters.Add("$households", SqliteType.Integer);
        var visits = command.Parameters.Add("$visits", SqliteType.Integer);
        var start = command.Parameters.Add("$start", SqliteType.Text);
        var end = command.Parameters.Add("$end", SqliteType.Text);
        var deadline = command.Parameters.Add("$deadline", SqliteType.Integer);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        command.Prepare();

        var today = JapanTime.DateOf(now);
        for (var i = 0; i < count; i++)
        {
            var taskWard = Pick(Wards.All, random);
            var taskCategory = Pick(Categories.All, random);
            association.Value = associationIds[random.Next(associationIds.Count)];
            title.Value = $"ベンチ依頼{i + 1}（{taskCategory}）";
            description.Value = "高齢の方のお宅を週に一度訪問し、安否を確認していただきます。訪問結果は所定の様式で報告してください。";
            category.Value = taskCategory;
            ward.Value = taskWard;
            town.Value = $"{taskWard}-{random.Next(1, 40)}丁目";
            fee.Value = random.Next(10, 300) * 1_000L;
            certificationRequired.Value = random.NextDouble() < 0.2 ? 1 : 0;
            insuranceRequired.Value = random.NextDouble() < 0.3 ? 1 : 0;
            households.Value = random.Next(1, 30);
            visits.Value = random.Next(4, 52);
            var deadlineDays = random.Next(1, 60);
            var startDate = today.AddDays(deadlineDays + random.Next(7, 60));
            start.Value = startDate.ToString("yyyy-MM-dd");
            end.Value = startDate.AddDays(random.Next(30, 365)).ToString("yyyy-MM-dd");
            deadline.Value = now.AddDays(deadlineDays).AddMinutes(random.Next(0, 1440)).UtcTicks;
            created.Value = now.AddDays(-random.Next(0, 30)).UtcTicks;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A city some years in: about a third of the groups have declared insurance (a few lapsed), and a quarter hold a
    /// track record: 1–4 earlier contracts in their own categories, most completed (visits made against planned, about
    /// half reviewed by the association), some still under way (holding a place against capacity).
    /// </summary>
    private static void InsertHistory(
        SqliteTransaction transaction, List<long> groupIds, List<long> associationIds, Random random, DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);

        foreach (var groupId in groupIds)
        {
            if (random.NextDouble() < 0.35)
            {
                var validUntil = random.NextDouble() < 0.1 ? today.AddDays(-random.Next(1, 60)) : today.AddDays(random.Next(30, 700));
                transaction.Execute("""
                    UPDATE Organizations SET InsuranceInsurer = 'ベンチ損保', InsurancePolicyNumber = $policy,
                        InsuranceValidUntil = $until, InsuranceDeclaredAt = $declared WHERE Id = $id
                    """, ("$policy", $"P-{groupId:D6}"), ("$until", SqliteRows.Day(validUntil)), ("$declared", now.AddDays(-random.Next(1, 300)).UtcTicks), ("$id", groupId));
            }

            if (random.NextDouble() >= 0.25)
            {
                continue;
            }

            var (ward, categoriesJson) = WardAndCategories(transaction, groupId);
            var categories = JsonSerializer.Deserialize<List<string>>(categoriesJson)!;
            for (var c = random.Next(1, 5); c > 0; c--)
            {
                var association = associationIds[random.Next(associationIds.Count)];
                var underWay = random.NextDouble() < 0.2;
                var start = today.AddDays(underWay ? -random.Next(10, 90) : -random.Next(120, 700));
                var end = underWay ? today.AddDays(random.Next(30, 200)) : start.AddDays(random.Next(30, 100));
                var awarded = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-10);
                var ended = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
                var planned = random.Next(4, 52);
                var task = transaction.Insert("""
                    INSERT INTO Tasks (AssociationId, Title, Description, Category, Ward, Town, Status, FeeYen, IsVolunteer,
                        CertificationRequired, InsuranceRequired, HouseholdsServed, VisitsPlanned, VisitWeekdays, StartDate, EndDate,
                        BidDeadline, CreatedAt, PublishedAt, BidsOpenedAt, AwardedAt, AwardRationale, Revision, Version)
                    VALUES ($association, 'ベンチ：以前の依頼', '以前に受けていただいた依頼です。', $category, $ward, '木月', 'Awarded',
                        120000, 0, 0, 0, 5, $planned, 42, $start, $end, $deadline, $created, $created, $deadline, $awarded,
                        '以前の実績から。', 1, 0)
                    """, ("$association", association), ("$category", Pick(categories, random)), ("$ward", ward),
                    ("$planned", planned), ("$start", SqliteRows.Day(start)), ("$end", SqliteRows.Day(end)), ("$deadline", awarded.AddDays(-2).UtcTicks),
                    ("$created", awarded.AddDays(-30).UtcTicks), ("$awarded", awarded.UtcTicks));
                var bid = transaction.Insert("""
                    INSERT INTO Bids (TaskId, GroupId, AmountYen, Proposal, StaffPlanned, EarliestStart, Status, ForEarlierTerms, SubmittedAt, UpdatedAt, DecidedAt)
                    VALUES ($task, $group, 110000, '2人1組で訪問します。', 2, $start, 'Accepted', 0, $submitted, $submitted, $awarded)
                    """, ("$task", task), ("$group", groupId), ("$start", SqliteRows.Day(start)), ("$submitted", awarded.AddDays(-5).UtcTicks),
                    ("$awarded", awarded.UtcTicks));
                transaction.Execute("UPDATE Tasks SET AwardedBidId = $bid WHERE Id = $task", ("$bid", bid), ("$task", task));
                var contract = transaction.Insert("""
                    INSERT INTO Contracts (TaskId, BidId, AssociationId, ProviderId, AmountYen, Status, CreatedAt, AssociationSignedAt,
                        ProviderSignedAt, ActivatedAt, EndedAt, VisitsPlanned, VisitsMade, SignBy, Version)
                    VALUES ($task, $bid, $association, $group, 110000, $status, $awarded, $awarded, $awarded, $awarded, $ended,
                        $planned, $made, $awarded, 0)
                    """, ("$task", task), ("$bid", bid), ("$association", association), ("$group", groupId),
                    ("$status", underWay ? "Active" : "Completed"), ("$awarded", awarded.UtcTicks),
                    ("$ended", underWay ? DBNull.Value : ended.UtcTicks), ("$planned", underWay ? DBNull.Value : planned),
                    ("$made", underWay ? DBNull.Value : planned - random.Next(0, 3)));
                if (!underWay && random.NextDouble() < 0.5)
                {
                    transaction.Insert("""
                        INSERT INTO Reviews (ContractId, ReviewerId, RevieweeId, Rating, Comment, SubmittedAt)
                        VALUES ($contract, $association, $group, $rating, '丁寧に訪問していただきました。', $submitted)
                        """, ("$contract", contract), ("$association", association), ("$group", groupId),
                        ("$rating", random.Next(3, 6)), ("$submitted", ended.AddDays(3).UtcTicks));
                }
            }
        }
    }

    private static (string Ward, string Categories) WardAndCategories(SqliteTransaction transaction, long id)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Ward, Categories FROM Organizations WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1));
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static List<T> Some<T>(IReadOnlyList<T> items, int count, Random random) =>
        items.OrderBy(_ => random.Next()).Take(count).ToList();
}

/// <summary>The app's SQLite context on the benchmark's file, configured as the app configures it.</summary>
public static class BenchmarkDatabase
{
    public static SqliteMatchboardDbContext Open(string file)
    {
        var options = new DbContextOptionsBuilder<SqliteMatchboardDbContext>()
            .UseSqlite($"Data Source={file}");
        // MATCHBOARD_BENCHMARK_SQL=1 prints each command with its time (to read the plans; not while timing).
        if (Environment.GetEnvironmentVariable("MATCHBOARD_BENCHMARK_SQL") == "1")
        {
            options.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted]);
        }

        return new SqliteMatchboardDbContext(options.Options);
    }
}
