using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Directory;

/// <summary>
/// The directory's one use of the certification rule: the domain's state of the mark on the day
/// (<see cref="Certification.StateOn"/>), with its last valid day while it counts.
/// </summary>
public static class DirectoryCertification
{
    public static DirectoryCertificationDto StateOf(Certification? certification, DateOnly today)
    {
        var state = certification?.StateOn(today) ?? CertificationState.None;
        return new DirectoryCertificationDto(state.ToString(), Certification.Counts(state) ? certification!.Expires : null);
    }
}
