using System.Security.Claims;

namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>Where a form's change leads, and the message shown there.</summary>
public sealed record FormResult(string Location, string? Flash);

/// <summary>
/// The pages' share of the idempotency keys: a create form carries a key made when it was rendered
/// (<c>_IdempotencyKey.cshtml</c>), so that a second submission of the same form (a double click, a resend
/// after a slow answer) lands where the first did, with its message, instead of creating again or failing.
/// </summary>
public sealed class FormIdempotency(IdempotentRequests requests, IHttpContextAccessor accessor)
{
    public const string Field = "IdempotencyKey";

    private static readonly HashSet<string> Unhashed = [Field, "__RequestVerificationToken"];

    /// <summary>
    /// Runs the change once for the form's key. Null means the same key came with a different form
    /// (the page shows <c>error.idempotency-key-reused</c>); a form without a key simply runs.
    /// </summary>
    public async Task<FormResult?> RunAsync(Func<Task<FormResult>> change, CancellationToken ct, bool fromAnyone = false)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("No request.");
        var request = context.Request;
        var key = request.HasFormContentType ? request.Form[Field].ToString() : null;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? (fromAnyone ? IdempotentRequests.AnonymousScope : null);
        if (!IdempotentRequests.IsValidKey(key) || userId is null)
        {
            return await change();
        }

        var fields = request.Form
            .Where(f => !Unhashed.Contains(f.Key))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={string.Join(',', f.Value.ToArray())}");
        var fingerprint = IdempotentRequests.Fingerprint([request.Method, request.Path + request.QueryString, .. fields]);
        FormResult? result = null;
        var outcome = await requests.RunAsync(userId!, key!, fingerprint, async () =>
        {
            result = await change();
            return new StoredResponse(StatusCodes.Status302Found, result.Location, null, result.Flash);
        }, ct);
        return outcome.Kind switch
        {
            IdempotentOutcomeKind.Executed => result,
            IdempotentOutcomeKind.Replayed => new FormResult(outcome.Response!.Location!, outcome.Response.Body),
            _ => null,
        };
    }
}
