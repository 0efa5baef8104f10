using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Organizations;

/// <summary>Our organization. A civic group edits what it does, where, and how much it can take on.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ProfileModel(
    MatchboardDbContext db,
    Reviews.ReviewService reviews,
    InsuranceService insurance,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    private static readonly Dictionary<string, string> CodeToField = new()
    {
        ["organization.categories-invalid"] = "Input.Categories",
        ["organization.wards-invalid"] = "Input.WardsServed",
        ["organization.capacity-invalid"] = "Input.Capacity",
    };

    public Organization Organization { get; private set; } = null!;

    /// <summary>Our public record: released reviews of us, with our replies (given on each contract's page).</summary>
    public Reviews.OrganizationReviewsDto Record { get; private set; } = null!;

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    /// <summary>The group's insurance declaration (tasks requiring insurance need it to cover their start date).</summary>
    [BindProperty]
    public InsuranceInput Insurance { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organization = await LoadAsync(tracked: false, ct);
        Record = await reviews.ForOrganizationAsync(Organization.Id, ct, includeSupporter: true);
        Input = new ServiceInput
        {
            Categories = [.. Organization.Categories],
            WardsServed = [.. Organization.WardsServed],
            Capacity = Organization.Capacity,
        };
        Insurance = InsuranceInput.Of(Organization);
    }

    public async Task<IActionResult> OnPostInsuranceAsync(CancellationToken ct)
    {
        var me = User.RequiredOrganizationId();
        try
        {
            await insurance.DeclareAsync(me, Insurance.ToRequest(), ct);
            Flash = text["flash.insurance-saved"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: "Insurance.");
            Organization = await LoadAsync(tracked: false, ct);
            Record = await reviews.ForOrganizationAsync(Organization.Id, ct, includeSupporter: true);
            Input = new ServiceInput
            {
                Categories = [.. Organization.Categories],
                WardsServed = [.. Organization.WardsServed],
                Capacity = Organization.Capacity,
            };
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organization = await LoadAsync(tracked: true, ct);
        try
        {
            Organization.UpdateService(Input.Categories, Input.WardsServed, Input.Capacity ?? 0);
            await db.SaveChangesAsync(ct);
            Flash = text["flash.profile-saved"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            var key = CodeToField.GetValueOrDefault(ex.Code, string.Empty);
            ModelState.AddModelError(key, messages[$"error.{ex.Code}"]);
            Record = await reviews.ForOrganizationAsync(Organization.Id, ct, includeSupporter: true);
            Insurance = InsuranceInput.Of(Organization);
            return Page();
        }
    }

    private async Task<Organization> LoadAsync(bool tracked, CancellationToken ct)
    {
        var me = User.RequiredOrganizationId();
        var query = tracked ? db.Organizations : db.Organizations.AsNoTracking();
        return await query.SingleAsync(o => o.Id == me, ct);
    }

    public sealed class ServiceInput
    {
        public List<string> Categories { get; set; } = [];

        public List<string> WardsServed { get; set; } = [];

        public int? Capacity { get; set; }
    }

    public sealed class InsuranceInput
    {
        public string? Insurer { get; set; }

        public string? PolicyNumber { get; set; }

        public DateOnly? ValidUntil { get; set; }

        public static InsuranceInput Of(Organization organization) => new()
        {
            Insurer = organization.Insurance?.Insurer,
            PolicyNumber = organization.Insurance?.PolicyNumber,
            ValidUntil = organization.Insurance?.ValidUntil,
        };

        public InsuranceRequest ToRequest() => new() { Insurer = Insurer, PolicyNumber = PolicyNumber, ValidUntil = ValidUntil };
    }
}
