using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Awards;

public static class AwardsApi
{
    public static RouteGroupBuilder MapAwardsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/awards", (AwardRegisterService service, [AsParameters] AwardRegisterQuery query, CancellationToken ct) =>
                service.ListAsync(query, ct))
            .AllowAnonymous()
            .WithTags("Awards")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The award register (public): every decided task with its association, category, ward, winning group, amount against the fee, reason, bid count and dates, and every bid not withdrawn (group and amount, never the proposal). Filter by ward, category, association, group and period of the decision; paged.");
        api.MapGet("/public/awards.csv", async Task<FileContentHttpResult> (AwardRegisterCsv csv, [AsParameters] AwardRegisterQuery query, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(
                    await csv.WriteAsync(query, ct),
                    AwardRegisterCsv.ContentType,
                    $"matchboard-awards-{Domain.JapanTime.DateOf(clock.GetUtcNow()):yyyyMMdd}.csv"))
            .AllowAnonymous()
            .WithTags("Awards")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The award register as CSV (UTF-8 with BOM), one row per task, under the same filters; paging is ignored.");
        return api;
    }
}
