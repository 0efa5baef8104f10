using System.Diagnostics;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// For the few things that follow real time, not the test's clock: a Redis client reconnecting to a server that
/// came back. Checks the condition until it holds or the patience runs out.
/// </summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
