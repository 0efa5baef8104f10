using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.OpenData;

/// <summary>Open data in the Open Contracting Data Standard 1.1: public, anonymous, read-only (like the directory).</summary>
public static class OpenDataApi
{
    /// <summary>OCDS leaves optional fields out rather than null; Japanese stays readable in the file.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static RouteGroupBuilder MapOpenDataApi(this RouteGroupBuilder api)
    {
        var ocds = api.MapGroup("/public/ocds").AllowAnonymous().WithTags("Open data");
        ocds.MapGet("/releases", async Task<JsonHttpResult<OcdsPackage>> (
                OcdsService service, [AsParameters] OcdsReleasesQuery query, HttpContext http, CancellationToken ct) =>
                TypedResults.Json(await service.ReleasesAsync(query, new Uri(http.Request.GetDisplayUrl()), ct), Json))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("OCDS 1.1 release package of every published task's releases (tender, updates, cancellation, award, contract, implementation, termination), oldest first; `since` keeps releases dated at or after it; 100 a page, links.next to the next.");
        ocds.MapGet("/tasks/{id:int}", async Task<JsonHttpResult<OcdsPackage>> (
                int id, OcdsService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Json(await service.TaskAsync(id, new Uri(http.Request.GetDisplayUrl()), ct), Json))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("OCDS 1.1 release package of one published task: one release per stage. Drafts and unknown tasks are 404.");
        return api;
    }
}
