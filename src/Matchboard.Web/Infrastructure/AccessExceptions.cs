namespace Matchboard.Web.Infrastructure;

/// <summary>The object does not exist, or the caller may not know that it does (HTTP 404).</summary>
public sealed class ResourceNotFoundException(string code = "not-found") : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>The caller may see the object but not do this to it (HTTP 403).</summary>
public sealed class ForbiddenAccessException(string code = "forbidden") : Exception(code)
{
    public string Code { get; } = code;
}
