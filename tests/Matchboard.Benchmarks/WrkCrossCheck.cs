using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Matchboard.Benchmarks;

/// <summary>
/// A second opinion on the floor: the same static file under Debian's <c>wrk</c> (C, epoll), when installed. If wrk gets
/// much more out of the server than <see cref="LoadGenerator"/> does, the generator, not the server, set the floor,
/// and the ratios are flattering. Informational only; the table compares figures and floor under the same generator.
/// </summary>
public static partial class WrkCrossCheck
{
    public static async Task<double?> RequestsPerSecondAsync(Uri address, string path, int connections, TimeSpan duration, string? cores)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            return null;
        }

        var start = new ProcessStartInfo(cores is null ? "/usr/bin/wrk" : "/usr/bin/taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cores is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cores);
            start.ArgumentList.Add("/usr/bin/wrk");
        }

        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", new Uri(address, path).ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
