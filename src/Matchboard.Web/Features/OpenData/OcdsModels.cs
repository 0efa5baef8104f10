namespace Matchboard.Web.Features.OpenData;

// The subset of the OCDS 1.1 release schema (and the bids extension) that Matchboard fills in. Property names are
// the schema's, camel-cased by the serializer; null members are left out (OcdsJson).

public sealed record OcdsPackage(
    string Uri,
    string Version,
    IReadOnlyList<string> Extensions,
    DateTimeOffset PublishedDate,
    OcdsPublisher Publisher,
    IReadOnlyList<OcdsRelease> Releases,
    OcdsLinks? Links);

public sealed record OcdsPublisher(string Name);

public sealed record OcdsLinks(string Next);

public sealed record OcdsRelease(
    string Ocid,
    string Id,
    DateTimeOffset Date,
    IReadOnlyList<string> Tag,
    string InitiationType,
    IReadOnlyList<OcdsParty> Parties,
    OcdsOrganizationReference Buyer,
    OcdsTender Tender,
    OcdsBids? Bids,
    IReadOnlyList<OcdsAward>? Awards,
    IReadOnlyList<OcdsContract>? Contracts,
    string Language = "ja");

public sealed record OcdsOrganizationReference(string Id, string Name);

public sealed record OcdsParty(string Id, string Name, IReadOnlyList<string> Roles);

public sealed record OcdsValue(long Amount, string Currency);

public sealed record OcdsPeriod(DateTimeOffset StartDate, DateTimeOffset EndDate);

public sealed record OcdsTender(
    string Id,
    string Title,
    string Description,
    string Status,
    OcdsValue Value,
    string ProcurementMethod,
    string MainProcurementCategory,
    OcdsPeriod TenderPeriod,
    OcdsPeriod ContractPeriod,
    int? NumberOfTenderers,
    IReadOnlyList<OcdsOrganizationReference>? Tenderers);

public sealed record OcdsAward(
    string Id,
    string Status,
    DateTimeOffset Date,
    string? Description,
    OcdsValue Value,
    IReadOnlyList<OcdsOrganizationReference> Suppliers,
    OcdsPeriod ContractPeriod,
    string? RelatedBid);

public sealed record OcdsContract(
    string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("awardID")] string AwardId,
    string Status,
    DateTimeOffset? DateSigned,
    OcdsPeriod Period,
    OcdsValue Value,
    OcdsImplementation? Implementation);

public sealed record OcdsImplementation(IReadOnlyList<OcdsMilestone> Milestones);

public sealed record OcdsMilestone(string Id, string Title, string Type, DateTimeOffset DueDate, string Status, DateTimeOffset? DateMet);

public sealed record OcdsBids(IReadOnlyList<OcdsBidStatistic> Statistics, IReadOnlyList<OcdsBid> Details);

public sealed record OcdsBidStatistic(string Id, string Measure, DateTimeOffset Date, long Value, string? Currency);

public sealed record OcdsBid(string Id, DateTimeOffset Date, string Status, IReadOnlyList<OcdsOrganizationReference> Tenderers, OcdsValue Value);
