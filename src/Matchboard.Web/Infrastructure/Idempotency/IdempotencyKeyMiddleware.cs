using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>Marks an API endpoint that creates something as taking an <c>Idempotency-Key</c>.</summary>
public sealed class AcceptsIdempotencyKeyMetadata
{
    public static readonly AcceptsIdempotencyKeyMetadata Instance = new();

    /// <summary>For an endpoint open to anyone (a sign-up): keys of callers who are not signed in share one scope.</summary>
    public static readonly AcceptsIdempotencyKeyMetadata FromAnyone = new() { AllowsAnonymous = true };

    public bool AllowsAnonymous { get; private init; }
}

/// <summary>
/// The API's <c>Idempotency-Key</c>: on a marked endpoint, a request with the header runs through
/// <see cref="IdempotentRequests"/> with its response buffered, so that the response can be kept with the key
/// (status, Location, body) before the commit and replayed to a retry. Without the header nothing changes.
/// Runs after authentication, authorization and rate limiting: a refused request never claims a key.
/// </summary>
public sealed class IdempotencyKeyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a replayed response, so that a client can tell it did not run again.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsIdempotencyKeyMetadata>();
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? (accepts?.AllowsAnonymous == true ? IdempotentRequests.AnonymousScope : null);
        if (accepts is null
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || userId is null)
        {
            await next(context);
            return;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (!IdempotentRequests.IsValidKey(key))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "idempotency-key-invalid");
            return;
        }

        var fingerprint = IdempotentRequests.Fingerprint(
            context.Request.Method, context.Request.Path + context.Request.QueryString, await ReadBodyAsync(context.Request));
        var requests = context.RequestServices.GetRequiredService<IdempotentRequests>();
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        IdempotentOutcome outcome;
        context.Response.Body = buffer;
        try
        {
            outcome = await requests.RunAsync(userId!, key!, fingerprint, async () =>
            {
                await next(context);
                var status = context.Response.StatusCode;
                return status is >= 200 and < 300
                    ? new StoredResponse(
                        status,
                        context.Response.Headers.Location.FirstOrDefault(),
                        context.Response.ContentType,
                        buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.ToArray()))
                    : null;
            }, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
        }

        switch (outcome.Kind)
        {
            case IdempotentOutcomeKind.Executed:
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
                break;
            case IdempotentOutcomeKind.Replayed:
                await ReplayAsync(context, outcome.Response!);
                break;
            default:
                await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused");
                break;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body;
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.Headers[ReplayedHeader] = "true";
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body is not null)
        {
            await context.Response.WriteAsync(response.Body, Encoding.UTF8, context.RequestAborted);
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string code)
    {
        // The title comes from CustomizeProblemDetails in Program, as for every other problem.
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
        var problem = new ProblemDetails { Status = status, Detail = localizer[$"error.{code}"] };
        problem.Extensions["code"] = code;
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
