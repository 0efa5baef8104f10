using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Site;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Verification;

/// <summary>
/// An organization's own page about 市による確認: where it stands, the city's last word (a reason or a question),
/// what to do next, how verification works and whom to call, and the documents it sends.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MineModel(
    VerificationService verification,
    IOptions<ContactOptions> contact,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    public MyVerificationDto Mine { get; private set; } = null!;

    public ContactOptions Contact => contact.Value;

    public OrganizationKind? Kind => User.OrganizationKind();

    [BindProperty]
    public DocumentKind? DocumentKind { get; set; }

    [BindProperty]
    public IFormFile? Document { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Kind == OrganizationKind.CityOffice)
        {
            return RedirectToPage("/City/Index");
        }

        Mine = await verification.MineAsync(User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Kind == OrganizationKind.CityOffice)
        {
            return NotFound();
        }

        try
        {
            var file = Document;
            var document = await verification.UploadAsync(DocumentKind, file?.FileName, file?.Length ?? 0, () => file!.OpenReadStream(), User, ct);
            Flash = text["verify.uploaded", document.FileName];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            var field = ex.Code == "document.kind-invalid" ? nameof(DocumentKind) : nameof(Document);
            ModelState.AddModelError(field, messages[$"error.{ex.Code}"]);
        }

        Mine = await verification.MineAsync(User, ct);
        return Page();
    }
}
