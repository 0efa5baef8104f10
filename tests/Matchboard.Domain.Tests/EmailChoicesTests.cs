using Matchboard.Domain.Notifications;

namespace Matchboard.Domain.Tests;

public class EmailChoicesTests
{
    [Fact]
    public void ChosenTypesAreKeptOnceEachInEnumOrder()
    {
        var chosen = EmailChoices.Parse(["VisitMissed", "BidPlaced", "VisitMissed"]);

        Assert.Equal([NotificationType.BidPlaced, NotificationType.VisitMissed], chosen);
    }

    [Fact]
    public void ChoosingNothingIsAChoice() => Assert.Empty(EmailChoices.Parse([]));

    [Theory]
    [InlineData("NoSuchType")]
    [InlineData("bidplaced")]
    [InlineData("1")]
    [InlineData("BidPlaced,BidRevised")]
    [InlineData(null)]
    public void AnythingButAnExactTypeNameRefusesTheWholeChoice(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => EmailChoices.Parse(["BidPlaced", name]));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal([new FieldError("types", "unknown-notification-type")], ex.Errors);
    }

    [Fact]
    public void NoListAtAllIsRequired()
    {
        var ex = Assert.Throws<DomainException>(() => EmailChoices.Parse(null));

        Assert.Equal([new FieldError("types", "required")], ex.Errors);
    }
}
