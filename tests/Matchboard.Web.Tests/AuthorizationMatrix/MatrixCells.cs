using static Matchboard.Web.Tests.AuthorizationMatrix.Outcome;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>
/// One row's expectations, role by role. Built from the endpoint's declared policy (the default for each role)
/// and then the object rules, by hand: <c>Cells.ApiOfficer(owner: Ok, other: Forbidden)</c>.
/// </summary>
public sealed class Cells
{
    private readonly Dictionary<Role, Outcome> _expected;

    private Cells(Dictionary<Role, Outcome> expected) => _expected = expected;

    public IReadOnlyDictionary<Role, Outcome> Expected => _expected;

    public Outcome this[Role role] => _expected[role];

    /// <summary>The same for one role changed.</summary>
    public Cells With(Role role, Outcome outcome) => new(new Dictionary<Role, Outcome>(_expected) { [role] = outcome });

    public static Cells Everyone(Outcome outcome) => new(Enum.GetValues<Role>().ToDictionary(r => r, _ => outcome));

    // ---- API: a missing sign-in is 401, a policy not met 403.

    /// <summary>No policy: open to anyone.</summary>
    public static Cells ApiPublic(Outcome outcome) => Everyone(outcome);

    /// <summary><c>Policies.Member</c>: any signed-in user.</summary>
    public static Cells ApiMember(Outcome outcome) => Everyone(outcome).With(Role.Anonymous, Unauthorized);

    /// <summary><c>Policies.Member</c> on an object of the contract between the owner and the bidding group.</summary>
    public static Cells ApiParties(Outcome owner, Outcome bidder, Outcome outsiders) =>
        ApiMember(outsiders).With(Role.OwnerAssociation, owner).With(Role.BiddingGroup, bidder);

    /// <summary><c>Policies.Officer</c>: associations only.</summary>
    public static Cells ApiOfficer(Outcome owner, Outcome other) =>
        Everyone(Forbidden).With(Role.Anonymous, Unauthorized).With(Role.OwnerAssociation, owner).With(Role.OtherAssociation, other);

    /// <summary><c>Policies.CivicGroup</c>: civic groups only.</summary>
    public static Cells ApiGroup(Outcome bidder, Outcome other, Outcome unverified) =>
        Everyone(Forbidden).With(Role.Anonymous, Unauthorized)
            .With(Role.BiddingGroup, bidder).With(Role.OtherGroup, other).With(Role.UnverifiedGroup, unverified);

    // ---- Pages: a missing sign-in goes to the sign-in page; a policy not met, like an object the service refuses,
    // answers 403 (the friendly error page keeps the status), a hidden object 404.

    public static Cells PagePublic(Outcome outcome) => Everyone(outcome);

    /// <summary>A page with <c>[Authorize(Policy = Policies.Member)]</c>.</summary>
    public static Cells PageMember(Outcome outcome) => Everyone(outcome).With(Role.Anonymous, SignIn);

    /// <summary>A member page on an object of the contract between the owner and the bidding group.</summary>
    public static Cells PageParties(Outcome owner, Outcome bidder, Outcome outsiders) =>
        PageMember(outsiders).With(Role.OwnerAssociation, owner).With(Role.BiddingGroup, bidder);

    /// <summary>A page with <c>[Authorize(Policy = Policies.Officer)]</c>.</summary>
    public static Cells PageOfficer(Outcome owner, Outcome other) =>
        Everyone(Forbidden).With(Role.Anonymous, SignIn).With(Role.OwnerAssociation, owner).With(Role.OtherAssociation, other);

    /// <summary>A page with <c>[Authorize(Policy = Policies.CivicGroup)]</c>.</summary>
    public static Cells PageGroup(Outcome bidder, Outcome other, Outcome unverified) =>
        Everyone(Forbidden).With(Role.Anonymous, SignIn)
            .With(Role.BiddingGroup, bidder).With(Role.OtherGroup, other).With(Role.UnverifiedGroup, unverified);

    /// <summary>A page with <c>[Authorize(Policy = Policies.CityStaff)]</c>.</summary>
    public static Cells PageCity(Outcome city) => Everyone(Forbidden).With(Role.Anonymous, SignIn).With(Role.CityStaff, city);
}
