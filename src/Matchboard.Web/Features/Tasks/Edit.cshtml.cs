using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// Changing a task: the new-task form filled in with the task as it stands. A draft changes quietly; a
/// published task changes in public (its history), and its bidders are told, so it is first previewed: what
/// will change (before → after), and whether the bidders will be asked to confirm.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class EditModel(TaskService tasks, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel, IFormFieldOrder
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["bidDeadline"] = "Input.DeadlineDate" };

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public TaskDetailDto Task { get; private set; } = null!;

    /// <summary>The published task's edit as it will be saved, while the page shows its preview.</summary>
    public TaskEditPreview? Preview { get; private set; }

    public IReadOnlyList<string> FieldOrder => NewModel.FormFieldOrder;

    /// <summary>A draft, or a published task still taking bids: the only tasks that can change.</summary>
    public bool CanEdit => Task.Status == CommunityTaskStatus.Draft || Task.AcceptingBids;

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = TaskInput.From(Task);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            await tasks.EditAsync(id, ToRequest(), User, ct);
            TempData[nameof(DetailsModel.Flash)] = text["flash.edited"].Value;
            return RedirectToPage("/Tasks/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, "Input.", FieldMap);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, messages["error.concurrency"]);
        }

        return Page();
    }

    /// <summary>The preview step: checked by the same rules as saving, shown as before → after; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            Preview = await tasks.PreviewEditAsync(id, ToRequest(), User, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, "Input.", FieldMap);
        }

        return Page();
    }

    /// <summary>Back from the preview to the form, with what was typed.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>
    /// The form as a request. The form shows the deadline to the minute, while a task posted through the API may
    /// have seconds: an unchanged minute keeps the stored deadline, or the form would bring it closer by those seconds.
    /// </summary>
    private TaskRequest ToRequest()
    {
        var request = Input.ToRequest<TaskRequest>();
        var stored = Task.BidDeadline;
        if (request.BidDeadline is { } posted && posted == stored.AddTicks(-(stored.UtcTicks % TimeSpan.TicksPerMinute)))
        {
            return request with { BidDeadline = stored };
        }

        return request;
    }

    /// <summary>The task as its owner sees it: another association's draft is not found, its published task forbidden.</summary>
    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Task = await tasks.GetAsync(id, User, ct);
        if (Task.AssociationId != User.OrganizationId())
        {
            throw new ForbiddenAccessException("task.not-yours");
        }
    }
}
