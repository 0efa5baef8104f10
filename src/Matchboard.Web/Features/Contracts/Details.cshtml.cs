using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Contracts;

/// <summary>
/// One contract: what the two sides agree to, the signatures, and after signing the home of the work —
/// delivery, acceptance or changes, termination, and the two reviews. Every form posts, redirects, and shows
/// refusals in the error summary (PRG); all changes go through the services.
/// </summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class DetailsModel(
    ContractService contracts, ReviewService reviews, ContractWorkReader work, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel, IFormFieldOrder
{
    /// <summary>The fields in the order Details.cshtml shows them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FormFieldOrder =
    [
        "DeliveryNote", "ChangesReason", "TerminateReason",
        "Terms.PaymentTiming", "Terms.PaymentNote", "Terms.Insurance",
        "Contact.Name", "Contact.Phone", "Contact.Email",
        "WithdrawReason", "Reply.Text", "Review.Rating", "Review.Comment",
    ];

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public ContractDto Contract { get; private set; } = null!;

    /// <summary>Our view of the reviews, once the contract has ended (the two sides only).</summary>
    public ContractReviewsDto? Reviews { get; private set; }

    /// <summary>The visit pattern, and for the two parties the work: alerts, visits, reports, households (Features/Visits).</summary>
    public ContractWorkView Work { get; private set; } = null!;

    [BindProperty]
    public bool Agree { get; set; }

    [BindProperty]
    public TermsInput Terms { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public string? WithdrawReason { get; set; }

    [BindProperty]
    public string? DeliveryNote { get; set; }

    [BindProperty]
    public string? ChangesReason { get; set; }

    [BindProperty]
    public string? TerminateReason { get; set; }

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public bool IsAssociation => User.OrganizationId() == Contract.AssociationId;

    public bool IsProvider => User.OrganizationId() == Contract.ProviderId;

    public bool IsParty => IsAssociation || IsProvider;

    public bool IsPending => Contract.Status == ContractStatus.PendingSignatures;

    public bool WeHaveSigned => IsAssociation ? Contract.AssociationSignedAt is not null : Contract.ProviderSignedAt is not null;

    public bool CanSign => IsParty && IsPending && !WeHaveSigned;

    public bool IsWorkOpen => Domain.Contracts.Contract.IsWorkOpenIn(Contract.Status);

    public ContactDto? OurContact => IsAssociation ? Contract.AssociationContact : Contract.ProviderContact;

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Terms = new TermsInput { PaymentTiming = Contract.PaymentTiming, PaymentNote = Contract.PaymentNote, Insurance = Contract.Insurance };
        Contact = OurContact is { } c ? new ContactInput { Name = c.Name, Phone = c.Phone, Email = c.Email } : new ContactInput();
    }

    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken ct)
    {
        Contract = await contracts.GetAsync(id, User, ct);
        return Partial("_ContractStatus", this);
    }

    public async Task<IActionResult> OnPostSignAsync(int id, CancellationToken ct)
    {
        if (!Agree)
        {
            ModelState.AddModelError(nameof(Agree), text["contract.agree-required"]);
            await LoadAsync(id, ct);
            return Page();
        }

        return await ActAsync(id, () => contracts.SignAsync(id, User, ct), "flash.signed", ct);
    }

    public Task<IActionResult> OnPostTermsAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.SetTermsAsync(id, new TermsRequest(Terms.PaymentTiming, Terms.PaymentNote, Terms.Insurance), User, ct), "flash.terms-saved", ct, "Terms.");

    public Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.SetContactAsync(id, new ContactRequest(Contact.Name, Contact.Phone, Contact.Email), User, ct), "flash.contact-saved", ct, "Contact.");

    public Task<IActionResult> OnPostWithdrawAwardAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.WithdrawAwardAsync(id, new ReasonRequest(WithdrawReason), User, ct), "flash.award-withdrawn", ct, field: nameof(WithdrawReason));

    public Task<IActionResult> OnPostDeliverAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.DeliverAsync(id, new DeliverRequest(DeliveryNote), User, ct), "flash.delivered", ct, field: nameof(DeliveryNote));

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.AcceptAsync(id, User, ct), "flash.accepted", ct);

    public Task<IActionResult> OnPostRequestChangesAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.RequestChangesAsync(id, new ReasonRequest(ChangesReason), User, ct), "flash.changes-requested", ct, field: nameof(ChangesReason));

    public Task<IActionResult> OnPostTerminateAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => contracts.TerminateAsync(id, new ReasonRequest(TerminateReason), User, ct), "flash.terminated", ct, field: nameof(TerminateReason));

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => reviews.AddAsync(id, new ReviewRequest(Review.Rating, Review.Comment), User, ct), "flash.reviewed", ct, "Review.");

    public Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => reviews.ReplyAsync(id, Reply.ReviewId, new ReplyRequest(Reply.Text), User, ct), "flash.replied", ct, field: "Reply.Text");

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Contract = await contracts.GetAsync(id, User, ct);
        var me = User.OrganizationId();
        var isParty = me == Contract.AssociationId || me == Contract.ProviderId;
        Reviews = isParty && Contract.EndedAt is not null ? await reviews.ListAsync(id, User, ct) : null;
        Work = await work.LoadAsync(id, User, ct);
    }

    /// <summary>
    /// Runs one change and redirects (PRG); a refusal comes back on the page next to its field: either under
    /// <paramref name="prefix"/> + the domain's field name, or, for one-field forms, on <paramref name="field"/>.
    /// </summary>
    private async Task<IActionResult> ActAsync<T>(int id, Func<Task<T>> act, string flashKey, CancellationToken ct, string prefix = "", string? field = null)
    {
        try
        {
            await act();
            Flash = text[flashKey];
            return RedirectToPage("/Contracts/Details", new { id });
        }
        catch (DomainException ex)
        {
            var map = field is null ? null : ex.Errors.Select(e => e.Field).Distinct().ToDictionary(f => f, _ => field);
            ModelState.AddDomainError(ex, messages, prefix, map);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public sealed class TermsInput
    {
        public PaymentTiming? PaymentTiming { get; set; }

        public string? PaymentNote { get; set; }

        public string? Insurance { get; set; }
    }

    public sealed class ContactInput
    {
        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }
    }

    public sealed class ReviewInput
    {
        public int? Rating { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class ReplyInput
    {
        public int ReviewId { get; set; }

        public string? Text { get; set; }
    }
}
