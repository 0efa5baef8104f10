using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Directory;

/// <summary>
/// The directory's one use of the certification rule (<see cref="Certification.IsValidOn"/>): when the domain
/// gains a lifecycle state, only this mapping changes.
/// </summary>
public static class DirectoryCertification
{
    public const string Valid = nameof(Valid);
    public const string Expired = nameof(Expired);
    public const string None = nameof(None);

    public static DirectoryCertificationDto StateOf(Certification? certification, DateOnly today) => certification switch
    {
        { } c when c.IsValidOn(today) => new DirectoryCertificationDto(Valid, c.Expires),
        { } c when c.Expires < today => new DirectoryCertificationDto(Expired, null),
        _ => new DirectoryCertificationDto(None, null),
    };
}
