using Matchboard.Domain.Matching;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// The matching rubric's configuration and reference data. The weights (<c>Matchboard:Matching:Weights</c>) and the
/// share-of-awards guard (<c>Matchboard:Matching:Fairness</c>) and the TaskPosted threshold
/// (<c>Matchboard:Matching:Notify</c>) default to the published values; the ward adjacency and
/// related categories come from seed-data/ in EVERY environment (they are reference data, not the demo), from
/// <c>Matchboard:ReferenceDataPath</c> when set. A broken file or nonsense weights stop the host at start-up rather
/// than rank anyone wrongly.
/// </summary>
public static class MatchingSetup
{
    public const string ReferenceDataPathSetting = "Matchboard:ReferenceDataPath";

    public static IServiceCollection AddMatchboardMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchWeights>().Bind(configuration.GetSection(MatchWeights.Section)).ValidateOnStart();
        services.AddOptions<MatchFairness>().Bind(configuration.GetSection(MatchFairness.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchWeights>, RubricValidation>();
        services.AddSingleton<IValidateOptions<MatchFairness>, RubricValidation>();
        services.AddOptions<MatchNotify>().Bind(configuration.GetSection(MatchNotify.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchNotify>, RubricValidation>();

        services.AddSingleton(_ => MatchReferenceData.Load(
            configuration[ReferenceDataPathSetting] ?? Path.Combine(AppContext.BaseDirectory, "seed-data")));
        services.AddHostedService<ReferenceDataCheck>();
        services.AddScoped<MatchService>();
        services.AddScoped<MatchFacts>();
        services.AddScoped<TaskPostedAudience>();
        services.AddScoped<BidScoring>();
        return services;
    }

    private sealed class RubricValidation : IValidateOptions<MatchWeights>, IValidateOptions<MatchFairness>, IValidateOptions<MatchNotify>
    {
        public ValidateOptionsResult Validate(string? name, MatchNotify options) => Result(MatchNotify.Section, options.Problems());

        public ValidateOptionsResult Validate(string? name, MatchWeights options) => Result(MatchWeights.Section, options.Problems());

        public ValidateOptionsResult Validate(string? name, MatchFairness options) => Result(MatchFairness.Section, options.Problems());

        private static ValidateOptionsResult Result(string section, IReadOnlyList<string> problems) =>
            problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => $"{section}: {p}"));
    }

    /// <summary>Reads the reference data while the host starts, so a missing or broken file fails the start, not a request.</summary>
    private sealed class ReferenceDataCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<MatchReferenceData>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
