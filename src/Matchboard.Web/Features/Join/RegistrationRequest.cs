using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Join;

/// <summary>
/// A sign-up, for <c>POST /api/registrations</c> and the <c>/Join</c> form alike. <see cref="Kind"/> says which
/// fields count: an association (name, ward, town, the officer's name), a civic group (name, legal form, activity
/// style, categories, wards served, capacity, description, contact person) or an individual supporter (name,
/// ward, categories, availability). Every kind gives an email and a password.
/// </summary>
public sealed record RegistrationRequest
{
    public OrganizationKind? Kind { get; init; }

    /// <summary>The organization's name; a supporter's own name.</summary>
    public string? Name { get; init; }

    public string? Ward { get; init; }

    public string? Town { get; init; }

    /// <summary>The officer (association) or contact person (civic group) who will sign in; unused for a supporter.</summary>
    public string? ContactName { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    public LegalForm? LegalForm { get; init; }

    public ActivityStyle? ActivityStyle { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<string>? WardsServed { get; init; }

    public int? Capacity { get; init; }

    public string? Description { get; init; }

    /// <summary>A supporter's own words for when they can help.</summary>
    public string? Availability { get; init; }
}

/// <summary>
/// The one answer to every accepted sign-up, new address or not: nobody can learn from it which addresses have
/// accounts. What happens next is in the mail.
/// </summary>
public sealed record RegistrationAcceptedDto(string Status, string Message);
