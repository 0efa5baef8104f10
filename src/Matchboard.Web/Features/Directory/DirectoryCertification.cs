using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Directory;

/// <summary>
/// The directory's one use of the certification rule: the domain's state of the mark on the day
/// (<see cref="Certification.StateOn"/>), with its last valid day while it counts.
/// </summary>
public static class DirectoryCertification
{
    public static DirectoryCertificationDto StateOf(Certification? certification, DateOnly today) => StateOf(certification?.Mark, today);

    /// <summary>The same from the mark's values (a ranked list reads only those).</summary>
    public static DirectoryCertificationDto StateOf(CertificationMark? mark, DateOnly today)
    {
        var state = mark?.StateOn(today) ?? CertificationState.None;
        return new DirectoryCertificationDto(state.ToString(), Certification.Counts(state) ? mark!.Value.Expires : null);
    }
}
