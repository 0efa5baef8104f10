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
/// published task changes in public (its history), and its bidders are told.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class EditModel(TaskService tasks, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["bidDeadline"] = "Input.DeadlineDate" };

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public TaskDetailDto Task { get; private set; } = null!;

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
            await tasks.EditAsync(id, Input.ToRequest<TaskRequest>(), User, ct);
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
