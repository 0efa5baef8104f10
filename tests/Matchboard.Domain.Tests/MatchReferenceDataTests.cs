using Matchboard.Domain.Matching;

namespace Matchboard.Domain.Tests;

public class MatchReferenceDataTests
{
    public static MatchReferenceData Published { get; } =
        MatchReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "seed-data"));

    [Fact]
    public void ThePublishedWardAdjacencyFollowsKawasakisMapFromTheBayToTheHills()
    {
        Assert.Equal([Wards.Saiwai], Published.NeighboursOf(Wards.Kawasaki).Order());
        Assert.Equal([Wards.Kawasaki, Wards.Nakahara], Published.NeighboursOf(Wards.Saiwai).Order());
        Assert.Equal([Wards.Miyamae, Wards.Nakahara, Wards.Tama], Published.NeighboursOf(Wards.Takatsu).Order());
        Assert.Equal([Wards.Miyamae, Wards.Tama], Published.NeighboursOf(Wards.Asao).Order());
        Assert.False(Published.AreNeighbours(Wards.Kawasaki, Wards.Asao));
    }

    [Fact]
    public void EveryWardHasANeighbourAndAdjacencyGoesBothWays()
    {
        foreach (var ward in Wards.All)
        {
            Assert.NotEmpty(Published.NeighboursOf(ward));
            Assert.DoesNotContain(ward, Published.NeighboursOf(ward));
            Assert.All(Published.NeighboursOf(ward), other => Assert.Contains(ward, Published.NeighboursOf(other)));
        }
    }

    [Fact]
    public void RelatedCategoriesCountBothWays()
    {
        Assert.True(Published.AreRelated(Categories.WatchOver, Categories.ElderlySalon));
        Assert.True(Published.AreRelated(Categories.ElderlySalon, Categories.WatchOver));
        Assert.True(Published.AreRelated(Categories.WasteStation, Categories.Cleanup));
        Assert.False(Published.AreRelated(Categories.WatchOver, Categories.Cleanup));
        Assert.False(Published.AreRelated(Categories.WatchOver, Categories.WatchOver));
        Assert.Empty(Published.RelatedTo(Categories.Other));
        Assert.Empty(Published.RelatedTo("no-such-category"));
    }

    [Fact]
    public void AnAdjacencyStatedOneWayIsRefused()
    {
        var problem = Assert.Throws<InvalidDataException>(() => MatchReferenceData.Create(
            new Dictionary<string, IReadOnlyList<string>> { [Wards.Asao] = [Wards.Tama] }, []));
        Assert.Contains("not the other way", problem.Message);
    }

    [Theory]
    [InlineData("""{ "wards": { "shinjuku": [] } }""", """{ "pairs": [] }""")]
    [InlineData("""{ "wards": { "asao": ["asao"] } }""", """{ "pairs": [] }""")]
    [InlineData("""{ "wards": {} }""", """{ "pairs": [["watch-over", "gardening"]] }""")]
    [InlineData("""{ "wards": {} }""", """{ "pairs": [["watch-over", "watch-over"]] }""")]
    [InlineData("""{ "wards": {} }""", """{ "pairs": [["watch-over"]] }""")]
    public void UnknownCodesAndSelfReferencesAreRefused(string wards, string pairs)
    {
        Assert.Throws<InvalidDataException>(() => MatchReferenceData.FromJson(wards, pairs));
    }
}
