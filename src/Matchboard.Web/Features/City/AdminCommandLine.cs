namespace Matchboard.Web.Features.City;

/// <summary>
/// The administration commands, run instead of the server: <c>dotnet run --project src/Matchboard.Web -- admin …</c>.
/// They run after the migrations, on the app's own services, and exit.
/// </summary>
public static class AdminCommandLine
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int UsageError = 64;

    public static bool IsAdminCommand(string[] args) => args is ["admin", ..];

    /// <summary>
    /// Runs the command named by the leading arguments; configuration options (<c>--Key=value</c>) may follow them.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        switch (words)
        {
            case ["admin", "add-city-staff", var email]:
                await using (var scope = services.CreateAsyncScope())
                {
                    return await scope.ServiceProvider.GetRequiredService<AddCityStaffCommand>().RunAsync(email, output, ct);
                }

            default:
                await output.WriteLineAsync("Usage: dotnet run --project src/Matchboard.Web -- admin add-city-staff EMAIL");
                return UsageError;
        }
    }
}
