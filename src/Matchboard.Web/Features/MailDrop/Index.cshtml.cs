using Matchboard.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Matchboard.Web.Features.MailDrop;

/// <summary>
/// Development only: the messages the mail drop has written, newest first, and one of them as plain text.
/// Anywhere else it does not exist (404): the folder holds other people's mail.
/// </summary>
public sealed class IndexModel(MailDropFolder folder, IWebHostEnvironment environment) : PageModel
{
    private const int Shown = 200;

    public string FolderPath => folder.Path;

    public IReadOnlyList<DroppedMail> Messages { get; private set; } = [];

    public MimeMessage? Message { get; private set; }

    public IActionResult OnGet(string? name)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        if (name is null)
        {
            Messages = folder.List(Shown);
            return Page();
        }

        Message = folder.Load(name);
        return Message is null ? NotFound() : Page();
    }
}
