namespace Matchboard.Web.Features.Directory;

public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/groups", (DirectoryService service, [AsParameters] GroupDirectoryQuery query, CancellationToken ct) =>
                service.ListAsync(query, ct))
            .AllowAnonymous()
            .WithTags("Directory")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Verified civic groups (public): legal form, activity style, categories, wards served, certification state, completed contracts. Filter by ward and category; paged.");
        return api;
    }
}
