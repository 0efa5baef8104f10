using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Awards;

/// <summary>
/// The register's filters. <c>association</c> and <c>group</c> are organization ids (a group matches the tasks it
/// bid on and did not withdraw from: a withdrawn bid is counted, never named); <c>from</c>/<c>to</c> bound the day
/// (Japan time) the task was decided, both included.
/// </summary>
public sealed record AwardRegisterQuery(
    string? Ward,
    string? Category,
    int? Association,
    int? Group,
    DateOnly? From,
    DateOnly? To,
    int? Page,
    int? PageSize);

/// <summary>One organization named in the register: id and name, nothing about its people.</summary>
public sealed record RegisterPartyDto(int Id, string Name);

/// <summary>A revealed bid: who offered how much. Never the proposal text.</summary>
public sealed record RevealedBidDto(int GroupId, string GroupName, long AmountYen, bool Won);

/// <summary>
/// One decided task in the public award register (決定した依頼の一覧): listed once its bids are public
/// (<see cref="BidDisclosure.IsPublic"/>): awarded, closed unawarded, or cancelled after its deadline.
/// </summary>
public sealed record AwardRegisterEntryDto
{
    public int TaskId { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string Ward { get; init; }

    public required RegisterPartyDto Association { get; init; }

    /// <summary>Awarded, Unawarded, Cancelled, or Closed (an award taken back, a new decision pending).</summary>
    public CommunityTaskStatus Status { get; init; }

    public bool IsVolunteer { get; init; }

    /// <summary>The association's fee (for volunteer work, its expenses budget), to set the amounts against.</summary>
    public long FeeYen { get; init; }

    /// <summary>The chosen group, while the task stands awarded.</summary>
    public RegisterPartyDto? Winner { get; init; }

    public long? AwardedAmountYen { get; init; }

    /// <summary>The association's written reason (決定理由).</summary>
    public string? Rationale { get; init; }

    /// <summary>Every bid the task received, withdrawn ones included.</summary>
    public int BidCount { get; init; }

    /// <summary>Of <see cref="BidCount"/>, those withdrawn by their group: counted, never shown.</summary>
    public int WithdrawnBidCount { get; init; }

    public DateTimeOffset? PostedAt { get; init; }

    public DateTimeOffset BidDeadline { get; init; }

    public DateTimeOffset? AwardedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>When the bids became public: the decision.</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Every bid not withdrawn, lowest amount first.</summary>
    public IReadOnlyList<RevealedBidDto> Bids { get; init; } = [];
}
