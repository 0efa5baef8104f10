namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>
/// One user's <c>Idempotency-Key</c> and the response it produced. The row is inserted at the start of the
/// request's transaction and completed before that transaction commits, so another request (on any instance)
/// sees either nothing or the finished response, never a half-done one.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string UserId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: the same key sent with another request is refused.</summary>
    public required string Fingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int StatusCode { get; set; }

    public string? Location { get; set; }

    public string? ContentType { get; set; }

    /// <summary>The response body (JSON) for the API; the confirmation message for a page's form.</summary>
    public string? Body { get; set; }
}
