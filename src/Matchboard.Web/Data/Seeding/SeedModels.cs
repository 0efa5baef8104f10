using Matchboard.Domain.Bids;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;

namespace Matchboard.Web.Data.Seeding;

// The shapes of seed-data/*.json. Dates are relative to the day the database is created ("+7d", "-30d").
internal sealed record SeedOrganization(
    string Key,
    OrganizationKind Kind,
    string Name,
    string Ward,
    string Town,
    string? Description,
    LegalForm? LegalForm,
    ActivityStyle? ActivityStyle,
    List<string>? Categories,
    List<string>? WardsServed,
    int? Capacity,
    SeedCertification? Certification,
    bool? Verified,
    string? Availability = null,
    SeedInsurance? Insurance = null);

internal sealed record SeedCertification(string Number, string Issued, string Expires);

/// <summary>A group's declared insurance; <see cref="ValidUntil"/> is relative like every seed date ("+365d").</summary>
internal sealed record SeedInsurance(string Insurer, string? PolicyNumber, string ValidUntil);

internal sealed record SeedTask(
    string Key,
    string Association,
    string Title,
    string Description,
    string Category,
    string Ward,
    string Town,
    string StartDate,
    string EndDate,
    List<DayOfWeek> VisitWeekdays,
    bool IsVolunteer,
    long FeeYen,
    string BidDeadline,
    bool CertificationRequired,
    bool InsuranceRequired,
    int HouseholdsServed,
    CommunityTaskStatus Status,
    List<SeedBid>? Bids,
    List<SeedQuestion>? Questions,
    SeedAward? Award,
    SeedWork? Work = null);

internal sealed record SeedBid(string Group, long AmountYen, string Proposal, int StaffPlanned, string EarliestStart, BidStatus Status);

internal sealed record SeedQuestion(string Group, string Text, string? Answer);

internal sealed record SeedAward(string Group, string Rationale, bool AssociationSigned, bool ProviderSigned);

/// <summary>The work under an active contract: its households and one report filed this morning.</summary>
internal sealed record SeedWork(List<SeedHousehold> Households, SeedReport? Report);

internal sealed record SeedHousehold(string Label, ConsentMethod? Consent, string? Visitor);

internal sealed record SeedReport(string Household, ResidentStatus Status, VisitChecklist? Checklist, string Note);

internal sealed record SeedUser(string Email, string Password, string Organization, string DisplayName);
