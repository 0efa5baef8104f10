using System.Text.Json;
using System.Text.Json.Serialization;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Seeding;

/// <summary>
/// Loads the demo marketplace from seed-data/*.json into an empty database. Every object is built through
/// the domain's own transitions, at plausible past times, so seeded data obeys the same rules as live data.
/// </summary>
public sealed class DemoSeeder(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SeedAsync(string folder, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var organizations = await SeedOrganizationsAsync(Read<SeedOrganization>(folder, "organizations.json"), now, ct);
        await SeedUsersAsync(Read<SeedUser>(folder, "users.json"), organizations);
        var tasks = Read<SeedTask>(folder, "tasks.json");
        await SeedTasksAsync(tasks, organizations, now, today, ct);
        logger.LogInformation("Seeded {Organizations} organizations and {Tasks} tasks", organizations.Count, tasks.Count);
    }

    private static List<T> Read<T>(string folder, string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(Path.Combine(folder, file)), Json)
        ?? throw new InvalidDataException($"{file} is empty.");

    private async Task<Dictionary<string, Organization>> SeedOrganizationsAsync(
        List<SeedOrganization> seeds, DateTimeOffset now, CancellationToken ct)
    {
        var byKey = new Dictionary<string, Organization>();
        foreach (var seed in seeds)
        {
            var organization = seed.Kind switch
            {
                OrganizationKind.Association => Organization.CreateAssociation(seed.Name, seed.Ward, seed.Town, seed.Description),
                OrganizationKind.CityOffice => Organization.CreateCityOffice(seed.Name, seed.Ward, seed.Town),
                OrganizationKind.Supporter => Supporter(seed),
                _ => CivicGroup(seed, now),
            };
            byKey.Add(seed.Key, organization);
        }

        db.Organizations.AddRange(byKey.Values);
        await db.SaveChangesAsync(ct);
        return byKey;
    }

    private static Organization Supporter(SeedOrganization seed)
    {
        var supporter = Organization.CreateSupporter(seed.Name, seed.Ward, seed.Categories ?? [], seed.Availability);
        if (seed.Verified == true)
        {
            supporter.Verify();
        }

        return supporter;
    }

    private static Organization CivicGroup(SeedOrganization seed, DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);
        var group = Organization.CreateCivicGroup(
            seed.Name, seed.Ward, seed.Town,
            seed.LegalForm ?? LegalForm.Other, seed.ActivityStyle ?? ActivityStyle.Volunteer,
            seed.Categories ?? [], seed.WardsServed ?? [], seed.Capacity ?? 1, seed.Description);
        if (seed.Certification is { } c)
        {
            group.Certify(new Certification(c.Number, RelativeDate.Day(c.Issued, today), RelativeDate.Day(c.Expires, today)));
        }

        if (seed.Insurance is { } insurance)
        {
            group.DeclareInsurance(insurance.Insurer, insurance.PolicyNumber, RelativeDate.Day(insurance.ValidUntil, today), now);
        }

        if (seed.Verified == true)
        {
            group.Verify();
        }

        return group;
    }

    private async Task SeedUsersAsync(List<SeedUser> seeds, Dictionary<string, Organization> organizations)
    {
        foreach (var seed in seeds)
        {
            var user = new ApplicationUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.DisplayName,
                OrganizationId = organizations[seed.Organization].Id,
            };
            var result = await users.CreateAsync(user, seed.Password);
            if (!result.Succeeded)
            {
                throw new InvalidDataException($"Seed user {seed.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    private async Task SeedTasksAsync(
        List<SeedTask> seeds, Dictionary<string, Organization> organizations, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        // First the tasks with their bids and questions, so that every row has an id before awards name them.
        var built = new List<(SeedTask Seed, CommunityTask Task, DateTimeOffset Deadline)>();
        foreach (var seed in seeds)
        {
            var deadline = RelativeDate.Deadline(seed.BidDeadline, today);
            var postedAt = Earliest(deadline.AddDays(-14), now.AddHours(-1));
            var start = RelativeDate.Day(seed.StartDate, today);
            var end = RelativeDate.Day(seed.EndDate, today);

            // Seed dates move with the day the database is created, so the count of visit days is worked out here;
            // a short event lists no weekdays and is held on every day of its period, whatever weekdays those are.
            var weekdays = seed.VisitWeekdays.Count > 0
                ? WeekdaySet.Of(seed.VisitWeekdays)
                : WeekdaySet.Of(Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(d => start.AddDays(d).DayOfWeek));
            var details = new TaskDetails(
                seed.Title, seed.Description, seed.Category, seed.Ward, seed.Town,
                start, end, weekdays.CountBetween(start, end), seed.IsVolunteer, seed.FeeYen, deadline,
                seed.CertificationRequired, seed.InsuranceRequired, seed.HouseholdsServed, weekdays);
            var task = CommunityTask.Draft(organizations[seed.Association].Id, details, postedAt);
            if (seed.Status != CommunityTaskStatus.Draft)
            {
                task.Publish(postedAt);
                PlaceBids(task, seed, organizations, postedAt, today);
                AskQuestions(task, seed, organizations, postedAt);
            }

            db.Tasks.Add(task);
            built.Add((seed, task, deadline));
        }

        await db.SaveChangesAsync(ct);

        var contracts = new List<(SeedTask Seed, Contract Contract)>();
        foreach (var (seed, task, deadline) in built)
        {
            var decidedAt = Earliest(deadline.AddHours(2), now);
            AnswerQuestions(task, seed);
            switch (seed.Status)
            {
                case CommunityTaskStatus.Closed or CommunityTaskStatus.Unawarded:
                    task.Close(now);
                    break;
                case CommunityTaskStatus.Cancelled:
                    task.Cancel(Earliest(task.PublishedAt!.Value.AddDays(2), now));
                    break;
                case CommunityTaskStatus.Awarded:
                    var award = seed.Award ?? throw new InvalidDataException($"Task {seed.Key} is Awarded without an award.");
                    var winner = task.LiveBidOf(organizations[award.Group].Id)
                        ?? throw new InvalidDataException($"Task {seed.Key} awards a group that has no live bid.");
                    var contract = task.Award(winner.Id, award.Rationale, decidedAt);
                    Sign(contract, award, decidedAt, now);
                    db.Contracts.Add(contract);
                    contracts.Add((seed, contract));
                    break;
            }

            if (task.Status != seed.Status)
            {
                throw new InvalidDataException($"Task {seed.Key} ended as {task.Status}, but the seed says {seed.Status}.");
            }
        }

        await db.SaveChangesAsync(ct);
        await WorkSeeding.SeedAsync(db, contracts, now, ct);
    }

    private static void PlaceBids(
        CommunityTask task, SeedTask seed, Dictionary<string, Organization> organizations, DateTimeOffset postedAt, DateOnly today)
    {
        var at = postedAt.AddDays(1);
        foreach (var bidSeed in seed.Bids ?? [])
        {
            var terms = new BidTerms(bidSeed.AmountYen, bidSeed.Proposal, bidSeed.StaffPlanned, RelativeDate.Day(bidSeed.EarliestStart, today));
            var group = organizations[bidSeed.Group];
            task.PlaceBid(group, terms, at);
            if (bidSeed.Status == BidStatus.Withdrawn)
            {
                task.WithdrawBid(group.Id, at.AddHours(1));
            }

            at = at.AddHours(3);
        }
    }

    private static void AskQuestions(CommunityTask task, SeedTask seed, Dictionary<string, Organization> organizations, DateTimeOffset postedAt)
    {
        foreach (var questionSeed in seed.Questions ?? [])
        {
            task.Ask(organizations[questionSeed.Group], questionSeed.Text, postedAt.AddHours(2));
        }
    }

    /// <summary>Runs once the questions are saved and have ids; seed order and task order are the same.</summary>
    private static void AnswerQuestions(CommunityTask task, SeedTask seed)
    {
        foreach (var (question, questionSeed) in task.Questions.Zip(seed.Questions ?? []))
        {
            if (questionSeed.Answer is { } answer)
            {
                task.AnswerQuestion(question.Id, answer, question.AskedAt.AddHours(4));
            }
        }
    }

    private static void Sign(Contract contract, SeedAward award, DateTimeOffset decidedAt, DateTimeOffset now)
    {
        // Signing needs the terms and each side's contact person; the names are invented.
        contract.SetTerms(contract.AssociationId, new ContractTerms(PaymentTiming.OnCompletion, "完了の確認後、翌月末までに振り込みます。", "団体がボランティア活動保険に加入します。"));
        contract.SetContact(contract.AssociationId, new ContactPerson("町会 花子", "044-000-0001", "contact.association@example.jp"));
        contract.SetContact(contract.ProviderId, new ContactPerson("見守 一郎", "044-000-0002", "contact.group@example.jp"));
        if (award.AssociationSigned)
        {
            contract.Sign(contract.AssociationId, Earliest(decidedAt.AddHours(3), now));
        }

        if (award.ProviderSigned)
        {
            contract.Sign(contract.ProviderId, Earliest(decidedAt.AddHours(5), now));
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
