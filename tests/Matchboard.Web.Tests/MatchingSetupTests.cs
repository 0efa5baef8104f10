using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Tests;

/// <summary>The matching rubric's reference data and weights as the host loads them.</summary>
public sealed class MatchingSetupTests(ProductionFactory production) : IClassFixture<ProductionFactory>
{
    [Fact]
    public void TheReferenceDataIsLoadedInProductionWhereNoDemoIsSeeded()
    {
        var reference = production.Services.GetRequiredService<MatchReferenceData>();

        Assert.True(reference.AreNeighbours(Wards.Nakahara, Wards.Takatsu));
        Assert.True(reference.AreRelated(Categories.WatchOver, Categories.ElderlySalon));
    }

    [Fact]
    public void ThePublishedWeightsApplyWhenNothingIsConfigured()
    {
        Assert.Equal(MatchWeights.Default, production.Services.GetRequiredService<IOptions<MatchWeights>>().Value);
        Assert.Equal(MatchFairness.Default, production.Services.GetRequiredService<IOptions<MatchFairness>>().Value);
    }

    [Fact]
    public async Task ConfiguredWeightsAreBound()
    {
        await using var host = new InstanceFactory(settings: new Dictionary<string, string?>
        {
            ["Matchboard:Matching:Weights:SameWard"] = "50",
            ["Matchboard:Matching:Fairness:ShareOfAwardsPercent"] = "40",
        });

        Assert.Equal(MatchWeights.Default with { SameWard = 50 }, host.Services.GetRequiredService<IOptions<MatchWeights>>().Value);
        Assert.Equal(40, host.Services.GetRequiredService<IOptions<MatchFairness>>().Value.ShareOfAwardsPercent);
    }

    [Fact]
    public async Task NonsenseWeightsStopTheHostFromStarting()
    {
        await using var host = new InstanceFactory(settings: new Dictionary<string, string?>
        {
            ["Matchboard:Matching:Weights:RelatedCategory"] = "90",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services);
        Assert.Contains("RelatedCategory", failure.Message);
    }

    [Fact]
    public async Task AMissingReferenceDataFolderStopsTheHostFromStarting()
    {
        await using var host = new InstanceFactory(settings: new Dictionary<string, string?>
        {
            ["Matchboard:ReferenceDataPath"] = Path.Combine(Path.GetTempPath(), "no-such-matchboard-folder-" + Guid.NewGuid()),
        });

        Assert.ThrowsAny<IOException>(() => host.Services);
    }
}
