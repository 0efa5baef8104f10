namespace Matchboard.Web.Features.Organizations;

/// <summary>A civic group declares its insurance: insurer, policy number (optional) and the last day of cover.</summary>
public sealed record InsuranceRequest
{
    public string? Insurer { get; init; }

    public string? PolicyNumber { get; init; }

    public DateOnly? ValidUntil { get; init; }
}

/// <summary>The group's declared insurance as it stands (Declared false when it has declared none).</summary>
public sealed record InsuranceDto
{
    public bool Declared { get; init; }

    public string? Insurer { get; init; }

    public string? PolicyNumber { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public DateTimeOffset? DeclaredAt { get; init; }

    /// <summary>Whether the cover runs today (Japan day): tasks requiring insurance need it on their start date.</summary>
    public bool CoversToday { get; init; }
}
