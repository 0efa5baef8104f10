using Matchboard.Domain;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// The one text rule (Validation.Text), seen through a task's fields: nothing visible is missing text;
/// controls, bidirectional overrides and unpaired surrogates are refused; line breaks only in multi-line text.
/// </summary>
public sealed class TextRuleTests
{
    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\uFEFF\u2060\u200D")]
    [InlineData("\u3000 \t")]
    [InlineData("\u0301\u0308")]
    [InlineData("\u3164")]
    public void TextWithNothingVisibleIsMissing(string title)
    {
        Assert.Equal([new FieldError("title", "required")], (Details() with { Title = title }).Validate(Now));
    }

    [Fact]
    public void TooLongTextCarriesTheLimitItBroke()
    {
        var title = new string('題', Tasks.TaskDetails.TitleMaxLength + 1);
        var description = new string('説', Tasks.TaskDetails.DescriptionMaxLength + 1);

        Assert.Equal(
            [new FieldError("title", "too-long", Tasks.TaskDetails.TitleMaxLength), new FieldError("description", "too-long", Tasks.TaskDetails.DescriptionMaxLength)],
            (Details() with { Title = title, Description = description }).Validate(Now));
    }

    [Theory]
    [InlineData("見守り\u0000訪問")]
    [InlineData("見守り\u001B[31m訪問")]
    [InlineData("見守り\u007F訪問")]
    [InlineData("見守り\u0085訪問")]
    [InlineData("見守り\u009B訪問")]
    [InlineData("見守り\u202A訪問")]
    [InlineData("見守り\u202E訪問")]
    [InlineData("見守り\u2066訪問")]
    [InlineData("見守り\u2069訪問")]
    public void ControlsOverridesAndBrokenSurrogatesAreRefused(string description)
    {
        Assert.Equal([new FieldError("description", "control-characters")], (Details() with { Description = description }).Validate(Now));
    }

    [Fact]
    public void UnpairedSurrogatesAreRefused()
    {
        // Built at run time: an attribute cannot carry an unpaired surrogate (it is stored as UTF-8).
        foreach (var broken in new[] { "見守り" + (char)0xD800 + "訪問", "見守り" + (char)0xDC00 + "訪問", "訪問" + (char)0xD83D })
        {
            Assert.Equal([new FieldError("description", "control-characters")], (Details() with { Description = broken }).Validate(Now));
        }
    }

    [Theory]
    [InlineData("見守り\n訪問")]
    [InlineData("見守り\t訪問")]
    public void ASingleLineFieldRefusesLineBreaksAndTabs(string title)
    {
        Assert.Equal([new FieldError("title", "control-characters")], (Details() with { Title = title }).Validate(Now));
    }

    [Theory]
    [InlineData("1行目\r\n2行目\t終わり")]
    [InlineData("家族👨‍👩‍👧と訪問🏠")]
    [InlineData("が\u3099ぎ\u0301")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u200F右から左\u200E")]
    public void OrdinaryTextIsAccepted(string description)
    {
        Assert.Empty((Details() with { Description = description }).Validate(Now));
    }
}
