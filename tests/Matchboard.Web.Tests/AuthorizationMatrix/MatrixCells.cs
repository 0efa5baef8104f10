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

    // ---- The API answers a missing sign-in with 401; a page sends it to the sign-in page. Both answer a policy
    // not met, like an object the service refuses, with 403 (on pages the friendly error page keeps the status).

    /// <summary>No policy: open to anyone.</summary>
    public static Cells ApiPublic(Outcome outcome) => Everyone(outcome);

    public static Cells PagePublic(Outcome outcome) => Everyone(outcome);

    /// <summary><c>Policies.Member</c>: any signed-in user.</summary>
    public static Cells ApiMember(Outcome outcome) => Member(Unauthorized, outcome);

    public static Cells PageMember(Outcome outcome) => Member(SignIn, outcome);

    /// <summary><c>Policies.Member</c> on an object of the contract between the owner and the bidding group.</summary>
    public static Cells ApiParties(Outcome owner, Outcome bidder, Outcome outsiders) => Parties(Unauthorized, owner, bidder, outsiders);

    public static Cells PageParties(Outcome owner, Outcome bidder, Outcome outsiders) => Parties(SignIn, owner, bidder, outsiders);

    /// <summary><c>Policies.Officer</c>: associations only.</summary>
    public static Cells ApiOfficer(Outcome owner, Outcome other) => Officer(Unauthorized, owner, other);

    public static Cells PageOfficer(Outcome owner, Outcome other) => Officer(SignIn, owner, other);

    /// <summary><c>Policies.CivicGroup</c>: civic groups only.</summary>
    public static Cells ApiGroup(Outcome bidder, Outcome other, Outcome unverified) => Group(Unauthorized, bidder, other, unverified);

    public static Cells PageGroup(Outcome bidder, Outcome other, Outcome unverified) => Group(SignIn, bidder, other, unverified);

    /// <summary>An API group with <c>Policies.CityStaff</c>.</summary>
    public static Cells ApiCity(Outcome city) => Everyone(Forbidden).With(Role.Anonymous, Unauthorized).With(Role.CityStaff, city);

    /// <summary>A page with <c>[Authorize(Policy = Policies.CityStaff)]</c>.</summary>
    public static Cells PageCity(Outcome city) => Everyone(Forbidden).With(Role.Anonymous, SignIn).With(Role.CityStaff, city);

    private static Cells Member(Outcome anonymous, Outcome outcome) => Everyone(outcome).With(Role.Anonymous, anonymous);

    private static Cells Parties(Outcome anonymous, Outcome owner, Outcome bidder, Outcome outsiders) =>
        Member(anonymous, outsiders).With(Role.OwnerAssociation, owner).With(Role.BiddingGroup, bidder);

    private static Cells Officer(Outcome anonymous, Outcome owner, Outcome other) =>
        Everyone(Forbidden).With(Role.Anonymous, anonymous).With(Role.OwnerAssociation, owner).With(Role.OtherAssociation, other);

    private static Cells Group(Outcome anonymous, Outcome bidder, Outcome other, Outcome unverified) =>
        Everyone(Forbidden).With(Role.Anonymous, anonymous)
            .With(Role.BiddingGroup, bidder).With(Role.OtherGroup, other).With(Role.UnverifiedGroup, unverified);
}
