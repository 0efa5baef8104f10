using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Questions;

public sealed class QuestionService(MatchboardDbContext db, IMapper mapper, TimeProvider clock, NotificationOutbox outbox)
{
    public async Task<QuestionDto> AskAsync(int taskId, AskQuestionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        // Two groups asking about one task at once do not contradict each other (ConcurrencyRetry).
        var question = await db.RetryOnConflictAsync(async () =>
        {
            var task = await db.LoadAsync(taskId, groupId, ct);
            var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == groupId, ct);
            var now = clock.GetUtcNow();
            var asked = task.Ask(group, request.Text ?? string.Empty, now);
            outbox.Add(() => new Notification(task.AssociationId, NotificationType.QuestionAsked, task.Id, task.Title, now));
            await outbox.CommitAsync(ct);
            return asked;
        });
        return mapper.Map<QuestionDto>(question) with { AskedByUs = true };
    }

    /// <summary>The posting association answers; every group that bid on or asked about the task is told.</summary>
    public async Task<QuestionDto> AnswerAsync(int questionId, AnswerQuestionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var taskId = await db.Questions.Where(q => q.Id == questionId).Select(q => (int?)q.TaskId).SingleOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("question.not-found");
        var task = await db.LoadOwnAsync(taskId, associationId, ct);
        var now = clock.GetUtcNow();
        var question = task.AnswerQuestion(questionId, request.Answer ?? string.Empty, now);
        var interested = task.Bids.Select(b => b.GroupId).Concat(task.Questions.Select(q => q.GroupId)).Distinct().ToList();
        outbox.Add(() => interested.Select(groupId =>
            new Notification(groupId, NotificationType.QuestionAnswered, task.Id, task.Title, now)));
        await outbox.CommitAsync(ct);
        return mapper.Map<QuestionDto>(question);
    }
}
