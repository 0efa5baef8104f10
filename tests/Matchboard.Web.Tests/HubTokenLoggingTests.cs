using System.Collections.Concurrent;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matchboard.Web.Tests;

/// <summary>The hub's token travels in the query string; no log line may carry it.</summary>
public sealed class HubTokenLoggingTests(HubTokenLoggingTests.VerboseLoggingFactory factory) : IClassFixture<HubTokenLoggingTests.VerboseLoggingFactory>
{
    /// <summary>An operator has turned the framework's logging up to Debug to look into a problem.</summary>
    public sealed class VerboseLoggingFactory : MatchboardFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    [Fact]
    public async Task ConnectingToTheHubWithTheTokenInTheQueryLogsNoLineThatCarriesIt()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var escaped = Uri.EscapeDataString(officer.Token);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard?access_token=" + escaped), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(
                    factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct));
            })
            .Build();

        await connection.StartAsync();
        await connection.StopAsync();

        Assert.NotEmpty(factory.Logs.Messages);
        var leaks = factory.Logs.Messages.Where(m => m.Contains(officer.Token, StringComparison.Ordinal) || m.Contains(escaped, StringComparison.Ordinal)
            || m.Contains(officer.Token[..40], StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Logged with the token: " + string.Join(Environment.NewLine, leaks.Select(l => l[..Math.Min(200, l.Length)])));
    }

    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
