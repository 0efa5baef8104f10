using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>
/// The objects the matrix calls on, arranged so that each role means something: tasks of 木月三丁目町内会 with a
/// live bid of なかはら見守りネット, contracts between the two in every state, and the work of an active
/// watch-over contract (households, visits, an alert). Tasks for later stages are posted first, while their
/// deadline is ahead; the clock then only moves forward, stage by stage. The "fresh" objects serve rows whose
/// allowed write would otherwise disturb the rows after them.
/// </summary>
public sealed partial class MatrixWorld
{
    public static readonly IReadOnlyDictionary<Role, string> Emails = new Dictionary<Role, string>
    {
        [Role.OwnerAssociation] = DemoAccounts.KizukiOfficer,
        [Role.OtherAssociation] = DemoAccounts.MizonokuchiOfficer,
        [Role.BiddingGroup] = DemoAccounts.MimamoriStaff,
        [Role.OtherGroup] = DemoAccounts.TamagawaStaff,
        [Role.UnverifiedGroup] = DemoAccounts.UnverifiedStaff,
        [Role.CityStaff] = DemoAccounts.CityStaff,
        [Role.Supporter] = DemoAccounts.KosugiSupporter,
    };

    private readonly Dictionary<Role, HttpClient> _api = [];
    private readonly Dictionary<Role, PageClient> _pages = [];
    private readonly Dictionary<Role, string> _formTokens = [];
    private readonly Queue<(int TaskId, int BidId)> _awaitingAward = new();
    private readonly Queue<int> _staleAwards = new();
    private readonly Queue<PlannedVisitDto> _futureVisits = new();
    private ApiClient _owner = null!;
    private ApiClient _bidder = null!;

    private MatrixWorld(MatchboardFactory factory) => Factory = factory;

    public MatchboardFactory Factory { get; }

    public Stage Stage { get; private set; } = Stage.Bidding;

    /// <summary>An open task of the owner with a live bid of the bidding group and an unanswered question of it.</summary>
    public int OpenTaskId { get; private set; }

    public int QuestionId { get; private set; }

    /// <summary>The active watch-over contract of the Work stage, its consented household and an open alert.</summary>
    public int WorkContractId { get; private set; }

    public int WorkHouseholdId { get; private set; }

    public int AlertId { get; private set; }

    /// <summary>Today's visit of the consented household, the day of the Work stage (it has a report already).</summary>
    public int TodayVisitId { get; private set; }

    public int UnverifiedGroupId { get; private set; }

    public int OwnerId => _owner.OrganizationId;

    /// <summary>The bidding group's organization (verified and certified): the one the owner invites.</summary>
    public int BiddingGroupId => _bidder.OrganizationId;

    /// <summary>The owner association's demo officer, by user id.</summary>
    public string OwnerUserId => _owner.Me.UserId;

    public static async Task<MatrixWorld> ArrangeAsync(MatchboardFactory factory, int awardsNeeded)
    {
        var world = new MatrixWorld(factory);
        world._api[Role.Anonymous] = factory.CreateClient();
        foreach (var (role, email) in Emails)
        {
            var api = await ApiClient.SignInAsync(factory, email);
            world._api[role] = api.Http;
            if (role == Role.OwnerAssociation)
            {
                world._owner = api;
            }
            else if (role == Role.BiddingGroup)
            {
                world._bidder = api;
            }
            else if (role == Role.UnverifiedGroup)
            {
                world.UnverifiedGroupId = api.OrganizationId;
            }
        }

        await world.SignInPagesAsync();

        // Tasks for the awards and contracts of later stages: posted now, while their deadline is ahead.
        for (var i = 0; i < awardsNeeded; i++)
        {
            var task = await world._owner.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
            var bid = await world._bidder.BidAsync(task.Id);
            world._awaitingAward.Enqueue((task.Id, bid.Id));
        }

        world.OpenTaskId = await world.FreshOpenTaskAsync();
        world.QuestionId = await world.FreshQuestionAsync();
        return world;
    }

    public HttpClient Api(Role role) => _api[role];

    public PageClient Page(Role role) => _pages[role];

    public string FormToken(Role role) => _formTokens[role];

    /// <summary>Moves the clock to the stage and arranges what the stage needs.</summary>
    public async Task EnterAsync(Stage stage)
    {
        if (Stage == stage)
        {
            return;
        }

        while (Stage < stage)
        {
            Stage++;
            switch (Stage)
            {
                case Stage.Decided:
                    Factory.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
                    _staleAwards.Enqueue(await AwardAsync());
                    _staleAwards.Enqueue(await AwardAsync());
                    await ArrangeWorkAsync();
                    break;
                case Stage.Work:
                    var first = _futureVisits.Dequeue();
                    TodayVisitId = first.Id;
                    Factory.Clock.SetUtcNow(new DateTimeOffset(first.Date.ToDateTime(new TimeOnly(10, 0)), JapanTime.Offset));
                    var report = await WorkSetup.PostOkAsync<VisitReportDto>(_bidder, $"/api/contracts/{WorkContractId}/visits",
                        WorkSetup.Report(first.Id, Factory.Clock.GetUtcNow(), status: "Concern", note: "食欲がないようです。"));
                    AlertId = (await _owner.GetAsync<List<AlertDto>>("/api/alerts")).Single(a => a.ContractId == WorkContractId).Id;
                    Assert.NotNull(report);
                    break;
                case Stage.Late:
                    Factory.Clock.Advance(TimeSpan.FromDays(8));
                    break;
            }
        }

        // The sign-in cookie does not outlive days of the moved clock (bearer tokens in tests do).
        await SignInPagesAsync();
    }

    private async Task SignInPagesAsync()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            _pages[role] = await PageClient.CreateAsync(Factory, Emails.GetValueOrDefault(role));
            _formTokens[role] = await FormTokenAsync(_pages[role]);
        }
    }

    // ---- Fresh objects.

    public async Task<int> FreshOpenTaskAsync(bool withBid = true)
    {
        var request = Requests.WatchOverTask(Factory.Clock.GetUtcNow());

        // Any verified group may bid: the other group is refused for its role, not for a missing certification.
        request["certificationRequired"] = false;
        var task = await _owner.PostTaskAsync(request);
        if (withBid)
        {
            await _bidder.BidAsync(task.Id);
        }

        return task.Id;
    }

    public async Task<int> FreshDraftAsync() => (await _owner.PostTaskAsync(Requests.WatchOverTask(Factory.Clock.GetUtcNow(), publish: false))).Id;

    /// <summary>An unanswered question of the bidding group on the open task.</summary>
    public async Task<int> FreshQuestionAsync() =>
        (await WorkSetup.PostOkAsync<QuestionDto>(_bidder, $"/api/tasks/{OpenTaskId}/questions", new { text = "訪問の曜日は選べますか。" })).Id;

    /// <summary>A task of the owner past its deadline with a live bid of the bidding group: (task, bid).</summary>
    public (int TaskId, int BidId) TaskAwaitingAward() => _awaitingAward.Dequeue();

    /// <summary>A contract between the owner and the bidding group, awarded now (or earlier) and taken as far as asked.</summary>
    public async Task<int> ContractAsync(ContractState state)
    {
        var id = await AwardAsync();
        if (state == ContractState.Awarded)
        {
            return id;
        }

        await ContractSteps.FillInAsync(_owner, _bidder, id);
        if (state == ContractState.ReadyToSign)
        {
            return id;
        }

        await _owner.SignAsync(id);
        await _bidder.SignAsync(id);
        if (state == ContractState.Active)
        {
            return id;
        }

        if (state == ContractState.Delivered)
        {
            await _bidder.SendAsync(HttpMethod.Post, $"/api/contracts/{id}/deliver", new { note = "訪問を終えました。" });
            return id;
        }

        await _owner.SendAsync(HttpMethod.Post, $"/api/contracts/{id}/terminate", new { reason = "地域の事情で続けられなくなりました。" });
        if (state == ContractState.Ended)
        {
            return id;
        }

        await WorkSetup.PostOkAsync<ContractReviewsDto>(_owner, $"/api/contracts/{id}/reviews", new { rating = 4, comment = "丁寧に対応していただきました。" });
        await WorkSetup.PostOkAsync<ContractReviewsDto>(_bidder, $"/api/contracts/{id}/reviews", new { rating = 5, comment = "連絡が早く助かりました。" });
        return id;
    }

    /// <summary>The released review the bidding group wrote about the owner, on a reviewed contract: (contract, review).</summary>
    public async Task<(int ContractId, int ReviewId)> ReviewOfOwnerAsync()
    {
        var id = await ContractAsync(ContractState.Reviewed);
        var reviews = await _owner.GetAsync<ContractReviewsDto>($"/api/contracts/{id}/reviews");
        return (id, reviews.Reviews.Single(r => r.RevieweeId == OwnerId).Id);
    }

    /// <summary>An award made in the Decided stage that the winner never signed: by the Late stage, past its SignBy.</summary>
    public int StaleAward()
    {
        Assert.Equal(Stage.Late, Stage);
        return _staleAwards.Dequeue();
    }

    /// <summary>A household the owner registered on the active contract, without consent yet.</summary>
    public async Task<int> FreshHouseholdAsync() =>
        (await WorkSetup.PostOkAsync<HouseholdDto>(_owner, $"/api/contracts/{WorkContractId}/households", new { label = "B-07 木月三丁目" })).Id;

    /// <summary>A visit of the active contract still ahead and touched by no other row.</summary>
    public PlannedVisitDto FreshVisit() => _futureVisits.Dequeue();

    /// <summary>A visit ahead for which the bidding group proposed another day.</summary>
    public async Task<int> VisitWithProposalAsync()
    {
        var visit = FreshVisit();
        await WorkSetup.PostOkAsync<PlannedVisitDto>(_bidder, $"/api/contracts/{WorkContractId}/visits/{visit.Id}/propose", new { date = visit.Date.AddDays(1) });
        return visit.Id;
    }

    /// <summary>A fresh open alert on the active contract: the bidding group reports a concern.</summary>
    public async Task<int> FreshAlertAsync()
    {
        var before = (await _owner.GetAsync<List<AlertDto>>("/api/alerts")).Select(a => a.Id).ToHashSet();
        await WorkSetup.PostOkAsync<VisitReportDto>(_bidder, $"/api/contracts/{WorkContractId}/visits",
            new { householdId = WorkHouseholdId, visitedAt = Factory.Clock.GetUtcNow(), visitorName = "訪問員 山田", status = "Concern", note = "咳をしていました。" });
        return (await _owner.GetAsync<List<AlertDto>>("/api/alerts")).Single(a => !before.Contains(a.Id)).Id;
    }

    private async Task<int> AwardAsync()
    {
        var (taskId, bidId) = TaskAwaitingAward();
        var award = await _owner.AwardAsync(taskId, bidId);
        Assert.True(award.IsSuccessStatusCode, $"award: {(int)award.StatusCode} {await award.Content.ReadAsStringAsync()}");
        return (await award.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!.Id;
    }

    /// <summary>The active watch-over contract: one consented household registered before signing, as in WorkSetup.</summary>
    private async Task ArrangeWorkAsync()
    {
        WorkContractId = await AwardAsync();
        var household = await WorkSetup.PostOkAsync<HouseholdDto>(_owner, $"/api/contracts/{WorkContractId}/households", new { label = "A-03 木月三丁目" });
        WorkHouseholdId = household.Id;
        await WorkSetup.PostOkAsync<HouseholdDto>(_owner, $"/api/contracts/{WorkContractId}/households/{household.Id}/consent",
            new { consentDate = JapanTime.DateOf(Factory.Clock.GetUtcNow()), consentMethod = "InWriting" });
        await ContractSteps.FillInAsync(_owner, _bidder, WorkContractId);
        await _owner.SignAsync(WorkContractId);
        await _bidder.SignAsync(WorkContractId);
        var schedule = await _owner.GetAsync<ScheduleDto>($"/api/contracts/{WorkContractId}/visits");
        foreach (var visit in schedule.Visits.OrderBy(v => v.Date))
        {
            _futureVisits.Enqueue(visit);
        }
    }

    private async Task<string> FormTokenAsync(PageClient client)
    {
        foreach (var page in new[] { "/", "/Accounts/SignIn" })
        {
            var html = await client.Http.GetStringAsync(page);
            if (TokenPattern().Match(html) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("No page with a form token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public enum ContractState
{
    Awarded,
    ReadyToSign,
    Active,
    Delivered,
    Ended,
    Reviewed,
}
