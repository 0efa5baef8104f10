using Matchboard.Domain;
using Matchboard.Domain.Bids;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>A bid's price, people and start stay within what the task can mean (the task pays ¥50,000, 12/10–12/20).</summary>
public sealed class BidBoundsTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(500_000, BidTerms.StaffMax, 0)]
    [InlineData(50_000, 3, 19)]
    public void TermsAtTheBoundsAreAccepted(long amountYen, int staff, int daysAfterToday)
    {
        var terms = new BidTerms(amountYen, "二人一組で訪問します。", staff, Today.AddDays(daysAfterToday));

        Assert.Empty(terms.Validate(OpenTask(), Now));
    }

    [Theory]
    [InlineData(0, 2, 9, "amountYen", "at-least-one")]
    [InlineData(500_001, 2, 9, "amountYen", "too-large")]
    [InlineData(100_000_000, 2, 9, "amountYen", "too-large")]
    [InlineData(40_000, BidTerms.StaffMax + 1, 9, "staffPlanned", "too-many")]
    [InlineData(40_000, int.MaxValue, 9, "staffPlanned", "too-many")]
    [InlineData(40_000, 2, -1, "earliestStart", "before-today")]
    [InlineData(40_000, 2, 20, "earliestStart", "after-task-end")]
    public void TermsOutOfBoundsAreRefused(long amountYen, int staff, int daysAfterToday, string field, string code)
    {
        var terms = new BidTerms(amountYen, "二人一組で訪問します。", staff, Today.AddDays(daysAfterToday));

        Assert.Equal([(field, code)], terms.Validate(OpenTask(), Now).Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void AStartAtTheEdgeOfTimeIsOutOfRange()
    {
        Assert.Contains(new FieldError("earliestStart", "out-of-range"), Terms().WithStart(DateOnly.MinValue).Validate(OpenTask(), Now));
        Assert.Contains(new FieldError("earliestStart", "out-of-range"), Terms().WithStart(DateOnly.MaxValue).Validate(OpenTask(), Now));
    }

    [Fact]
    public void AVolunteerTaskMayBeDoneForNothing()
    {
        var task = OpenTask(Details() with { IsVolunteer = true });

        Assert.Empty(Terms(amountYen: 0).Validate(task, Now));
    }

    [Fact]
    public void WhereTheTaskNamesNoFeeTheCeilingIsTenMillionYen()
    {
        var task = OpenTask(Details() with { IsVolunteer = true, FeeYen = 0 });

        Assert.Empty(Terms(amountYen: BidTerms.AmountMaxWithoutFeeYen).Validate(task, Now));
        Assert.Equal([new FieldError("amountYen", "too-large", BidTerms.AmountMaxWithoutFeeYen)], Terms(amountYen: BidTerms.AmountMaxWithoutFeeYen + 1).Validate(task, Now));
    }
}

internal static class BidTermsExtensions
{
    public static BidTerms WithStart(this BidTerms terms, DateOnly start) => terms with { EarliestStart = start };
}
