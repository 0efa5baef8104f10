using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Questions;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// One task. Everyone sees the task and, once awarded, who was chosen and why. The posting association
/// also sees every bid, answers questions and awards; a civic group asks questions and handles only its
/// own bid. Sealed bid data never reaches anyone else: it is loaded only through the services that enforce that.
/// </summary>
public sealed class DetailsModel(
    TaskService tasks,
    BidService bids,
    QuestionService questions,
    ContractService contracts,
    TaskInvitationService invitations,
    MatchService matches,
    MatchboardDbContext db,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text,
    TimeProvider clock,
    FormIdempotency forms) : PageModel, IFormFieldOrder
{
    public static readonly string[] Regions = ["status", "questions", "bids", "mybid"];

    /// <summary>
    /// The fields in the order the page shows them, for the error summary: the award (the association's bids
    /// region), then the bid form, then the question. A post sends one form, so only its fields are ever listed.
    /// </summary>
    public static readonly IReadOnlyList<string> FormFieldOrder =
    [
        "Award.BidId", "Award.Rationale",
        "Bid.AmountYen", "Bid.Proposal", "Bid.StaffPlanned", "Bid.EarliestStart",
        "Ask.Text",
    ];

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public TaskDetailDto Task { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    public bool IsCivicGroup => User.OrganizationKind() == OrganizationKind.CivicGroup;

    /// <summary>The bids, once open to the association (at the deadline); empty while sealed.</summary>
    public IReadOnlyList<BidDto> Bids { get; private set; } = [];

    /// <summary>How many bids have arrived: all the association sees of them until the deadline.</summary>
    public int BidsReceived { get; private set; }

    /// <summary>The association's bids are still sealed (<see cref="BidDisclosure"/>): the page shows only their number.</summary>
    public bool BidsSealed { get; private set; }

    /// <summary>Contracts each bidding group has completed: its track record.</summary>
    public IReadOnlyDictionary<int, int> TrackRecord { get; private set; } = new Dictionary<int, int>();

    /// <summary>
    /// The comparison's order, from the query string so the two sort links work without JavaScript and the live
    /// refresh of the bids region keeps it: <c>amount</c> (lowest first) or, for anything else, the rubric's order.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? BidOrder { get; set; }

    public string BidSortApplied => BidOrder == BidSort.Amount ? BidSort.Amount : BidSort.Score;

    public BidDto? MyBid { get; private set; }

    /// <summary>The task's edits since publishing (変更の記録), newest first.</summary>
    public IReadOnlyList<TaskChangeDto> History { get; private set; } = [];

    public Organization? MyGroup { get; private set; }

    /// <summary>The owner may publish its draft (an unverified association may only prepare drafts).</summary>
    public bool MayPublish { get; private set; }

    /// <summary>The group may ask: the question form is offered only then (an unverified group is shown how to get verified instead).</summary>
    public bool MayAsk => MyGroup is not null && VerificationRights.MayAskOrBid(MyGroup);

    public ContractDto? Contract { get; private set; }

    /// <summary>For the owner while the task takes bids: "groups that fit", ranked and explained, and the supporters separately.</summary>
    public TaskGroupMatchesDto? Fit { get; private set; }

    /// <summary>The page of "groups that fit" shown (?groupsPage=).</summary>
    [BindProperty(SupportsGet = true, Name = "groupsPage")]
    public int? GroupsPage { get; set; }

    [BindProperty]
    public BidInput Bid { get; set; } = new();

    [BindProperty]
    public AskInput Ask { get; set; } = new();

    [BindProperty]
    public AwardInput Award { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    /// <summary>The bid as it will be sent, while the page shows its confirmation step.</summary>
    public BidPreviewDto? BidPreview { get; private set; }

    /// <summary>Which confirmation the page shows instead of acting at once: "bid", "award", "withdraw" or "cancel".</summary>
    public string? Confirming { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>A live region, re-rendered on the server for live.js.</summary>
    public async Task<IActionResult> OnGetRegionAsync(int id, string? name, CancellationToken ct)
    {
        if (name is null || !Regions.Contains(name))
        {
            return NotFound();
        }

        await LoadAsync(id, ct);

        // The bids region is the posting association's alone and "my bid" a civic group's alone: anyone else
        // would get an empty officer view ("0 proposals received"), a false count of the sealed bids.
        if ((name == "bids" && !IsOwner) || (name == "mybid" && !IsCivicGroup))
        {
            return NotFound();
        }

        return Partial("_Details" + char.ToUpperInvariant(name[0]) + name[1..], this);
    }

    public Task<IActionResult> OnPostAskAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        await questions.AskAsync(id, new AskQuestionRequest(Ask.Text), User, ct);
        return text["flash.asked"];
    }, "Ask.", ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, int questionId, string? answer, CancellationToken ct) => ActAsync(id, async () =>
    {
        await questions.AnswerAsync(questionId, new AnswerQuestionRequest(answer), User, ct);
        return text["flash.answered"];
    }, $"answer-{questionId}", ct, new Dictionary<string, string> { ["answer"] = $"answer-{questionId}" });

    /// <summary>
    /// The bid's confirmation step: checked by the same rules as sending it; shown exactly as it will be sent, with
    /// any warnings, or refused next to the field. Nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (User.OrganizationId() is null)
        {
            return Challenge();
        }

        try
        {
            BidPreview = await bids.PreviewAsync(id, BidRequestFromForm(), User, ct);
            Confirming = "bid";
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, "Bid.");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostBidAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        var request = BidRequestFromForm();
        if (!IsLive(await FindMyBidAsync(id, ct)))
        {
            await bids.PlaceAsync(id, request, User, ct);
            return text["flash.bid-placed"];
        }

        await bids.ReviseAsync(id, request, User, ct);
        return text["flash.bid-revised"];
    }, "Bid.", ct);

    public Task<IActionResult> OnPostConfirmBidAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        await bids.ConfirmAsync(id, User, ct);
        return text["flash.bid-confirmed"];
    }, "Bid.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, bool confirm, CancellationToken ct) =>
        ConfirmThenActAsync(id, confirm, "withdraw", async () =>
        {
            await bids.WithdrawAsync(id, User, ct);
            return text["flash.bid-withdrawn"];
        }, "Bid.", ct);

    public async Task<IActionResult> OnPostAwardAsync(int id, CancellationToken ct)
    {
        if (User.OrganizationId() is null)
        {
            return Challenge();
        }

        if (!Award.Confirm)
        {
            if (Award.BidId is null)
            {
                ModelState.AddModelError("Award.BidId", text["award.choose"]);
            }

            // The domain's rule for the reason, before the confirmation step: a short reason is not first confirmed, then refused.
            foreach (var error in CommunityTask.RationaleErrors(Award.Rationale))
            {
                ModelState.AddModelError(
                    "Award.Rationale", error.Code == "required" ? text["award.reason-required"] : messages[$"field.{error.Code}"]);
            }

            Confirming = ModelState.IsValid ? "award" : null;
            await LoadAsync(id, ct);
            return Page();
        }

        return await ActAsync(id, async () =>
        {
            var contract = await contracts.AwardAsync(id, new AwardRequest(Award.BidId, Award.Rationale), User, ct);
            return text["flash.awarded", contract.ProviderName];
        }, "Award.", ct);
    }

    public Task<IActionResult> OnPostInviteAsync(int id, int? organizationId, CancellationToken ct) => ActAsync(id, async () =>
    {
        var invited = await invitations.InviteAsync(id, new InviteGroupRequest(organizationId), User, ct);
        return text["flash.invited", invited.OrganizationName];
    }, "Invite.", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        await tasks.PublishAsync(id, User, ct);
        return text["flash.published"];
    }, "Input.", ct);

    public Task<IActionResult> OnPostCancelAsync(int id, bool confirm, CancellationToken ct) =>
        ConfirmThenActAsync(id, confirm, "cancel", async () =>
        {
            await tasks.CancelAsync(id, User, ct);
            return text["flash.cancelled"];
        }, "Input.", ct);

    /// <summary>An action that cannot be undone: the first post shows what will happen, the second does it.</summary>
    private async Task<IActionResult> ConfirmThenActAsync(
        int id, bool confirmed, string confirmation, Func<Task<string>> action, string prefix, CancellationToken ct)
    {
        if (User.OrganizationId() is null)
        {
            return Challenge();
        }

        if (!confirmed)
        {
            Confirming = confirmation;
            await LoadAsync(id, ct);
            return Page();
        }

        return await ActAsync(id, action, prefix, ct);
    }

    /// <summary>
    /// Runs a change; on success redirects back (post/redirect/get) with a message, on a domain error shows
    /// the page again with the message next to the field and in the summary.
    /// </summary>
    private async Task<IActionResult> ActAsync(
        int id, Func<Task<string>> action, string prefix, CancellationToken ct, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        if (User.OrganizationId() is null)
        {
            return Challenge();
        }

        try
        {
            // A form that carries a key (bid, question) runs once for it: a second submission lands where the first did.
            var done = await forms.RunAsync(async () => new FormResult(Url.Page("/Tasks/Details", new { id })!, await action()), ct);
            if (done is not null)
            {
                Flash = done.Flash;
                return Redirect(done.Location);
            }

            ModelState.AddModelError(string.Empty, messages["error.form-already-sent"]);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix, fieldMap);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, messages["error.concurrency"]);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private BidRequest BidRequestFromForm() => new()
    {
        AmountYen = Bid.AmountYen,
        Proposal = Bid.Proposal,
        StaffPlanned = Bid.StaffPlanned,
        EarliestStart = Bid.EarliestStart,
    };

    /// <summary>Our latest bid on the task, if we ever bid.</summary>
    private async Task<BidDto?> FindMyBidAsync(int id, CancellationToken ct)
    {
        try
        {
            return await bids.GetMineAsync(id, User, ct);
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private bool PostedBidForm() =>
        Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith("Bid.", StringComparison.Ordinal));

    private static bool IsLive(BidDto? bid) => bid is not null && Domain.Bids.BidStatuses.IsLive(bid.Status);

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Task = await tasks.GetAsync(id, User, ct);
        History = await tasks.HistoryAsync(id, User, ct);
        var organizationId = User.OrganizationId();
        IsOwner = organizationId == Task.AssociationId;

        if (IsOwner)
        {
            // Only a draft offers publishing: a published task's page does not read the association for it.
            MayPublish = Task.Status == CommunityTaskStatus.Draft
                && VerificationRights.MayPublish(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct));
            var (received, trackRecord) = await bids.ComparisonAsync(id, BidSortApplied, User, ct);
            Bids = received.Bids;
            BidsReceived = received.Count;
            BidsSealed = !received.IsOpen;
            TrackRecord = trackRecord;
            if (Task.AcceptingBids)
            {
                Fit = await matches.GroupsForTaskAsync(id, new GroupMatchQuery(GroupsPage, null), User, ct);
            }
        }
        else if (IsCivicGroup)
        {
            MyGroup = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
            MyBid = await FindMyBidAsync(id, ct);

            // The bid form shows the saved bid unless this request sent the bid form itself (its values are then
            // shown as sent): a refused question must not empty it. keep-drafts.js adds what was typed but unsent.
            if (MyBid is { } mine && !PostedBidForm())
            {
                Bid = new BidInput
                {
                    AmountYen = mine.AmountYen,
                    Proposal = mine.Proposal,
                    StaffPlanned = mine.StaffPlanned,
                    EarliestStart = mine.EarliestStart,
                };
            }
        }

        if (Task.Award?.ContractId is { } contractId && organizationId is not null)
        {
            try
            {
                Contract = await contracts.GetAsync(contractId, User, ct);
            }
            catch (ForbiddenAccessException)
            {
                Contract = null;
            }
        }
    }

    public bool MyBidIsLive => IsLive(MyBid);

    /// <summary>Closed, or open past its deadline: the association may choose a bid.</summary>
    public bool CanAward => TaskDeadline.IsAwaitingDecision(Task.Status, Task.BidDeadline, clock.GetUtcNow());

    /// <summary>Why this group cannot bid here, if it cannot (shown instead of the form).</summary>
    public string? BidBlockedReason()
    {
        if (MyGroup is null)
        {
            return null;
        }

        return BiddingEligibility.RefusalCode(MyGroup, Task.CertificationRequired, Task.InsuranceRequired, JapanTime.DateOf(clock.GetUtcNow()), Task.StartDate) is { } refusal
            ? messages[$"error.{refusal}"].Value
            : null;
    }

    public sealed class BidInput
    {
        public long? AmountYen { get; set; }

        public string? Proposal { get; set; }

        public int? StaffPlanned { get; set; }

        public DateOnly? EarliestStart { get; set; }
    }

    public sealed class AskInput
    {
        public string? Text { get; set; }
    }

    public sealed class AwardInput
    {
        public int? BidId { get; set; }

        public string? Rationale { get; set; }

        public bool Confirm { get; set; }
    }
}
