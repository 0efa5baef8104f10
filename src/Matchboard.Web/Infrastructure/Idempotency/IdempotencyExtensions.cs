using Matchboard.Web.Infrastructure.Scheduling;

namespace Matchboard.Web.Infrastructure.Idempotency;

public static class IdempotencyExtensions
{
    public static IServiceCollection AddMatchboardIdempotency(this IServiceCollection services)
    {
        services.AddScoped<RequestTransaction>();
        services.AddScoped<IRequestTransaction>(sp => sp.GetRequiredService<RequestTransaction>());
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<FormIdempotency>();
        services.AddSingleton<ISweep, IdempotencyKeySweep>();
        return services;
    }

    /// <summary>After authorization and rate limiting: a refused request never claims a key.</summary>
    public static IApplicationBuilder UseMatchboardIdempotency(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyKeyMiddleware>();

    /// <summary>This POST creates something: a retry with the same <c>Idempotency-Key</c> gets the first answer.</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AcceptsIdempotencyKeyMetadata.Instance);

    /// <summary>The same for an endpoint open to people not signed in (a sign-up).</summary>
    public static TBuilder AcceptsIdempotencyKeyFromAnyone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AcceptsIdempotencyKeyMetadata.FromAnyone);
}
