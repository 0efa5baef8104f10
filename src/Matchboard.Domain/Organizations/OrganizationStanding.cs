namespace Matchboard.Domain.Organizations;

/// <summary>
/// What the bidding and matching rules read of an organization, as values: its kind, whether city staff verified it,
/// its mark and the last day its declared insurance covers. <see cref="Organization.Standing"/> gives it for an entity;
/// a list of thousands of candidates reads just these columns. The rules are stated once, on this
/// (<see cref="Tasks.BiddingEligibility"/>, <see cref="VerificationRights"/>), and the entity's methods call them.
/// </summary>
public readonly record struct OrganizationStanding(
    OrganizationKind Kind, bool IsVerified, CertificationMark? Certification, DateOnly? InsuredUntil)
{
    public bool IsCivicGroup => Kind == OrganizationKind.CivicGroup;

    /// <summary>Whether the mark counts on the day (false without one).</summary>
    public bool HasValidCertificationOn(DateOnly day) => Certification?.IsValidOn(day) == true;

    /// <summary>Whether the declared insurance covers the day (false without a declaration).</summary>
    public bool IsInsuredOn(DateOnly day) => InsuredUntil is { } until && InsuranceDeclaration.Covers(until, day);
}
