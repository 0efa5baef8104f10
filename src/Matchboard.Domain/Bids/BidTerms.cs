namespace Matchboard.Domain.Bids;

/// <summary>What a civic group offers: its price, how it will do the work, with how many people, from when.</summary>
public sealed record BidTerms(long AmountYen, string Proposal, int StaffPlanned, DateOnly EarliestStart)
{
    public const int ProposalMaxLength = 2000;

    public IReadOnlyList<FieldError> Validate() => new Validation()
        .Check(AmountYen >= 0, "amountYen", "negative")
        .Check(AmountYen <= Tasks.TaskDetails.FeeMaxYen, "amountYen", "too-large")
        .Text("proposal", Proposal, ProposalMaxLength)
        .Check(StaffPlanned >= 1, "staffPlanned", "at-least-one")
        .Errors;
}
