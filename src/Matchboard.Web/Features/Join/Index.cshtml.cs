using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Join;

/// <summary>What the sign-up form posts (names Input.*), turned into the API's <see cref="RegistrationRequest"/>.</summary>
public sealed class JoinInput
{
    public string? Name { get; set; }

    public string? Ward { get; set; }

    public string? Town { get; set; }

    public string? ContactName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public LegalForm? LegalForm { get; set; }

    public ActivityStyle? ActivityStyle { get; set; }

    public List<string> Categories { get; set; } = [];

    public List<string> WardsServed { get; set; } = [];

    public int? Capacity { get; set; }

    public string? Description { get; set; }

    public string? Availability { get; set; }
}

/// <summary>
/// Joining, from the home page and the sign-in page: first which kind (町内会・自治会, 市民活動団体, 個人サポーター),
/// then that kind's one form. Works without JavaScript; the kind travels in the query string.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RegistrationService registrations, FormIdempotency forms, IStringLocalizer<Messages> messages)
    : PageModel, IFormFieldOrder
{
    public static readonly IReadOnlyList<string> FormFieldOrder =
    [
        "Input.Name", "Input.Ward", "Input.Town", "Input.LegalForm", "Input.ActivityStyle", "Input.Categories",
        "Input.WardsServed", "Input.Capacity", "Input.Description", "Input.Availability", "Input.ContactName",
        "Input.Email", "Input.Password",
    ];

    /// <summary>The kind chosen, or null while choosing. City offices are never made here.</summary>
    [BindProperty(SupportsGet = true)]
    public OrganizationKind? Kind { get; set; }

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public bool Choosing => Kind is not (OrganizationKind.Association or OrganizationKind.CivicGroup or OrganizationKind.Supporter);

    public void OnGet()
    {
        Input.Ward = Wards.All[0];
        Input.Capacity = 1;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Choosing)
        {
            return RedirectToPage();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var done = await forms.RunAsync(async () =>
            {
                await registrations.RegisterAsync(ToRequest(), ct);
                return new FormResult(Url.Page("/Join/Sent")!, null);
            }, ct, fromAnyone: true);
            if (done is null)
            {
                ModelState.AddModelError(string.Empty, messages["error.form-already-sent"]);
                return Page();
            }

            return Redirect(done.Location);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages);
            return Page();
        }
    }

    private RegistrationRequest ToRequest() => new()
    {
        Kind = Kind,
        Name = Input.Name,
        Ward = Input.Ward,
        Town = Input.Town,
        ContactName = Input.ContactName,
        Email = Input.Email,
        Password = Input.Password,
        LegalForm = Input.LegalForm,
        ActivityStyle = Input.ActivityStyle,
        Categories = Input.Categories,
        WardsServed = Input.WardsServed,
        Capacity = Input.Capacity,
        Description = Input.Description,
        Availability = Input.Availability,
    };
}
