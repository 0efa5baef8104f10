namespace Matchboard.Web.Data.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The sealer, as a hosted service and as itself (tests and the command line call it directly).</summary>
    public static IServiceCollection AddMatchboardAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        return services;
    }
}
