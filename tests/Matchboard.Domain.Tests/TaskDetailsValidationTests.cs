using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class TaskDetailsValidationTests
{
    private static void AssertDraftRefused(TaskDetails details, params (string Field, string Code)[] errors)
    {
        Assert.Equal(errors, details.Validate(Now).Select(e => (e.Field, e.Code)));
        AssertInvalid(() => CommunityTask.Draft(AssociationId, details, Now), errors);
    }

    [Fact]
    public void TheDefaultDetailsAreValid()
    {
        Assert.Empty(Details().Validate(Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AMissingTitleIsRequired(string title)
    {
        AssertDraftRefused(Details() with { Title = title }, ("title", "required"));
    }

    [Fact]
    public void ATitleOfMaximumLengthIsValid()
    {
        Assert.Empty((Details() with { Title = new string('題', TaskDetails.TitleMaxLength) }).Validate(Now));
    }

    [Fact]
    public void ATooLongTitleIsTooLong()
    {
        AssertDraftRefused(
            Details() with { Title = new string('題', TaskDetails.TitleMaxLength + 1) },
            ("title", "too-long"));
    }

    [Fact]
    public void AMissingDescriptionIsRequired()
    {
        AssertDraftRefused(Details() with { Description = " " }, ("description", "required"));
    }

    [Fact]
    public void ATooLongDescriptionIsTooLong()
    {
        AssertDraftRefused(
            Details() with { Description = new string('文', TaskDetails.DescriptionMaxLength + 1) },
            ("description", "too-long"));
    }

    [Theory]
    [InlineData("gardening")]
    [InlineData("")]
    [InlineData("Watch-Over")]
    public void AnUnknownCategoryIsRefused(string category)
    {
        AssertDraftRefused(Details() with { Category = category }, ("category", "unknown-category"));
    }

    [Theory]
    [InlineData("yokohama")]
    [InlineData("")]
    [InlineData("Nakahara")]
    public void AnUnknownWardIsRefused(string ward)
    {
        AssertDraftRefused(Details() with { Ward = ward }, ("ward", "unknown-ward"));
    }

    [Fact]
    public void ANegativeFeeIsRefused()
    {
        AssertDraftRefused(Details() with { FeeYen = -1 }, ("feeYen", "negative"));
    }

    [Fact]
    public void AZeroFeeIsValid()
    {
        Assert.Empty((Details() with { FeeYen = 0, IsVolunteer = true }).Validate(Now));
    }

    [Fact]
    public void AFeeAboveTheMaximumIsTooLarge()
    {
        AssertDraftRefused(Details() with { FeeYen = TaskDetails.FeeMaxYen + 1 }, ("feeYen", "too-large"));
    }

    [Fact]
    public void NoPlannedVisitIsRefused()
    {
        AssertDraftRefused(Details() with { VisitsPlanned = 0 }, ("visitsPlanned", "at-least-one"));
    }

    [Fact]
    public void ADeadlineInThePastIsRefused()
    {
        AssertDraftRefused(Details() with { BidDeadline = Now.AddMinutes(-1) }, ("bidDeadline", "in-the-past"));
    }

    [Fact]
    public void ADeadlineEqualToNowIsInThePast()
    {
        AssertDraftRefused(Details() with { BidDeadline = Now }, ("bidDeadline", "in-the-past"));
    }

    [Fact]
    public void AnEndBeforeTheStartIsRefused()
    {
        var details = Details();
        AssertDraftRefused(details with { EndDate = details.StartDate.AddDays(-1) }, ("endDate", "before-start"));
    }

    [Fact]
    public void AOneDayTaskIsValid()
    {
        var details = Details();
        Assert.Empty((details with { EndDate = details.StartDate, VisitsPlanned = 1 }).Validate(Now));
    }

    [Fact]
    public void AStartBeforeTheDeadlineDayIsRefused()
    {
        AssertDraftRefused(
            Details() with { StartDate = JapanTime.DateOf(Deadline).AddDays(-1) },
            ("startDate", "before-deadline"));
    }

    [Fact]
    public void AStartOnTheDeadlineDayIsValid()
    {
        Assert.Empty((Details() with { StartDate = JapanTime.DateOf(Deadline) }).Validate(Now));
    }

    [Fact]
    public void TheDeadlineDayIsTheDayInJapan()
    {
        // 2026-12-07 15:30 UTC is already 2026-12-08 in Japan, so a start on the 7th is before the deadline.
        var details = Details() with
        {
            BidDeadline = new DateTimeOffset(2026, 12, 7, 15, 30, 0, TimeSpan.Zero),
            StartDate = new DateOnly(2026, 12, 7),
        };

        AssertDraftRefused(details, ("startDate", "before-deadline"));
    }

    [Fact]
    public void EveryWrongFieldIsReportedAtOnce()
    {
        var details = Details() with
        {
            Title = "",
            Category = "unknown",
            FeeYen = -5,
            BidDeadline = Now.AddDays(-1),
        };

        AssertDraftRefused(
            details,
            ("title", "required"),
            ("category", "unknown-category"),
            ("feeYen", "negative"),
            ("bidDeadline", "in-the-past"));
    }
}
