using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Questions;

public static class QuestionsApi
{
    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/").WithTags("Questions").RequireRateLimiting(RateLimits.Writes);

        questions.MapPost("/tasks/{taskId:int}/questions", async Task<Created<QuestionDto>> (
                int taskId, AskQuestionRequest request, QuestionService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var question = await service.AskAsync(taskId, request, user, ct);
                return TypedResults.Created($"/api/tasks/{taskId}", question);
            })
            .RequireAuthorization(Policies.CivicGroup)
            .AcceptsIdempotencyKey();

        questions.MapPost("/questions/{id:int}/answer", (
                int id, AnswerQuestionRequest request, QuestionService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.AnswerAsync(id, request, user, ct))
            .RequireAuthorization(Policies.Officer)
            .AcceptsIdempotencyKey();

        return api;
    }
}
