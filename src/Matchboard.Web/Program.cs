using System.Globalization;
using Matchboard.Web;
using Matchboard.Web.Data;
using Matchboard.Web.Data.Audit;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Data.Seeding;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Audit;
using Matchboard.Web.Features.Awards;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Certifications;
using Matchboard.Web.Features.City;
using Matchboard.Web.Features.Complaints;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Dashboard;
using Matchboard.Web.Features.Directory;
using Matchboard.Web.Features.Floors;
using Matchboard.Web.Features.OpenData;
using Matchboard.Web.Features.Organizations;
using Matchboard.Web.Features.Home;
using Matchboard.Web.Features.Join;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Features.Team;
using Matchboard.Web.Features.Support;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Questions;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Features.Verification;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Hubs;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Caching;
using Matchboard.Web.Infrastructure.CrossSite;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Mail;
using Matchboard.Web.Infrastructure.Runtime;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Infrastructure.Security;
using Matchboard.Web.Infrastructure.Ui;
using Matchboard.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
builder.AddMatchboardTransportSecurity();

services.AddSingleton(TimeProvider.System);
services.AddMatchboardDatabase(builder.Configuration, builder.Environment.ContentRootPath);

services.AddIdentityApiEndpoints<ApplicationUser>(options =>
    {
        options.User.RequireUniqueEmail = true;

        // A signed-up account acts only once its address is confirmed (the seeded and invited ones are confirmed).
        // CanSignInAsync checks it, for the sign-in page and /api/auth/login alike.
        options.SignIn.RequireConfirmedEmail = true;

        // Counted per account AND address by SignInFailures (Identity's own count is per account, from anywhere).
        options.Lockout.MaxFailedAccessAttempts = 10;
    })
    .AddEntityFrameworkStores<MatchboardDbContext>()
    .AddClaimsPrincipalFactory<OrganizationClaimsFactory>();
services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
{
    // Browsers cannot set headers on WebSockets, so the hub takes the token from the query string.
    options.Events.OnMessageReceived = context =>
    {
        if (context.Request.Path.StartsWithSegments(MatchboardHub.Path)
            && context.Request.Query["access_token"] is { Count: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    };
});
services.ConfigureApplicationCookie(options =>
{
    // An API client gets a status code, not a redirect to a sign-in page.
    options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
    options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
    options.LoginPath = "/Accounts/SignIn";
    options.AccessDeniedPath = "/Errors/403";
});
services.AddMatchboardSessions(builder.Configuration);
services.AddAuthorizationBuilder().AddMatchboardPolicies();
services.AddMatchboardRateLimits(builder.Configuration);
services.AddMatchboardCrossSite(builder.Configuration);

services.AddLocalization(options => options.ResourcesPath = "Resources");
services.Configure<RequestLocalizationOptions>(options =>
{
    CultureInfo[] cultures = [new("ja"), new("en")];
    options.DefaultRequestCulture = new RequestCulture("ja");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
});

services.ConfigureHttpJsonOptions(options => JsonInput.Configure(options.SerializerOptions));
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // Every problem, including the framework's own 401/403/429, is titled in the user's language.
    var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
    var title = localizer[$"title.{context.ProblemDetails.Status}"];
    if (!title.ResourceNotFound)
    {
        context.ProblemDetails.Title = title;
    }
});
services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
// JSON is what the browser speaks (live.js); a client that opts in (e.g. a native app) may ask for MessagePack.
services.AddSignalR()
    .AddJsonProtocol(options =>
    {
        JsonInput.Configure(options.PayloadSerializerOptions);
        // What the hub pushes is written with source-generated metadata (a new task's thousand payloads); same bytes.
        HubPayloadJson.AddTo(options.PayloadSerializerOptions);
    })
    .AddMessagePackProtocol();
services.AddResponseCompression(options =>
{
    // Scripts and styles only: pages carry antiforgery tokens, and compressing secrets beside
    // reflected input invites BREACH. The SignalR client shrinks from 48 KB to 18 KB (gzip).
    options.EnableForHttps = true;
    options.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
});
services.Configure<Matchboard.Web.Features.Site.ContactOptions>(builder.Configuration.GetSection(Matchboard.Web.Features.Site.ContactOptions.Section));
services.AddRazorPages(options =>
    {
        options.RootDirectory = "/Features";
        options.Conventions.Add(new PageWriteLimits());
        // The forgotten-password mail's link: the same one-time form as the city's set-password link.
        options.Conventions.AddPageRoute("/Accounts/SetPassword", "Accounts/ResetPassword");
    })
    .AddMvcOptions(options => options.Filters.Add<FriendlyErrorsPageFilter>());
services.ConfigureOptions<Matchboard.Web.Infrastructure.Localization.BindingMessages>();
// Japanese text stays readable in the HTML instead of becoming numeric character references.
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.AddScoped<UiFormat>();
services.AddScoped<HeaderState>();
services.AddOpenApi();
services.AddMatchboardRuntime(builder.Configuration);
services.AddMatchboardBoardCache(builder.Configuration);
services.AddAutoMapper(_ => { }, typeof(Program));

services.AddScoped<DemoSeeder>();
services.AddScoped<AddCityStaffCommand>();
services.AddHttpContextAccessor();
services.AddScoped<NotificationOutbox>();
services.AddMatchboardIdempotency();
services.AddSingleton<INotificationSender, HubNotificationSender>();
services.AddMatchboardFloors(builder.Configuration); // nothing without Matchboard:Benchmark:Floors=true
services.AddMatchboardMail(builder.Configuration, builder.Environment);
services.AddScoped<NotificationMailer>();
services.AddScoped<EmailPreferencesService>();
services.AddScoped<AccountMail>();
services.AddScoped<PasswordResetService>();
services.AddScoped<Matchboard.Web.Features.Join.RegistrationService>();
services.AddScoped<AccountStatus>();
services.AddScoped<LinkMail>();
services.AddScoped<Matchboard.Web.Features.Team.TeamService>();
services.AddScoped<CityAccountService>();
services.AddScoped<TaskService>();
services.AddScoped<BidService>();
services.AddSingleton<Matchboard.Web.Features.Bids.BidComparisonCache>();
services.AddScoped<InsuranceService>();
services.AddScoped<QuestionService>();
services.AddScoped<TaskInvitationService>();
services.AddScoped<ContractService>();
services.AddScoped<ReviewService>();
services.AddScoped<Matchboard.Web.Features.Complaints.ComplaintService>();
services.AddScoped<CertificationService>();
services.AddSingleton<ISweep, CertificationSweep>();
services.AddScoped<DirectoryService>();
services.AddMatchboardMatching(builder.Configuration);
services.AddMatchboardDashboard();
services.AddScoped<AwardRegisterService>();
services.AddScoped<AwardRegisterCsv>();
services.Configure<OcdsOptions>(builder.Configuration.GetSection(OcdsOptions.Section));
services.AddScoped<OcdsService>();
services.AddScoped<SupportService>();
services.AddSingleton<ISweep, DeadlineSweep>();
services.AddSingleton<ISweep, AutoCompletionSweep>();
services.AddScoped<VisitService>();
services.AddScoped<AlertService>();
services.AddScoped<Matchboard.Web.Features.Verification.VerificationService>();
services.AddSingleton(Matchboard.Web.Infrastructure.Documents.DocumentFolder.From(builder.Configuration, builder.Environment.ContentRootPath));
services.AddScoped<TodoService>();
services.AddScoped<ContractWorkReader>();
services.AddSingleton<ISweep, MissedVisitSweep>();
services.AddSingleton<ISweep, AlertEscalationSweep>();
services.AddSingleton<ISweep, VisitErasureSweep>();
services.AddSingleton<Sweeper>();
services.AddHostedService(sp => sp.GetRequiredService<Sweeper>());
services.AddMatchboardAudit();
services.AddScoped<Matchboard.Web.Features.Audit.AuditService>();

var app = builder.Build();

// First, so that every response carries the headers (pages, API, static files, redirects, errors),
// then the proxy's word on client and scheme, HTTPS and the cookie policy before anything writes a cookie.
app.UseMatchboardSecurityHeaders();
app.UseMatchboardTransportSecurity();
// Localization first: the culture it sets must still hold when an error is turned into a problem.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Pages get a friendly, localized error page; /api and /hubs keep their problem details.
app.UseStatusCodePagesWithReExecute("/Errors/{0}");
app.Use((context, next) =>
{
    if (IsApiPath(context.Request.Path) && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
    {
        pages.Enabled = false;
    }

    return next(context);
});
app.UseResponseCompression();
app.UseStaticFiles();
app.UseAuthentication();
// Cookie-signed writes to /api and /hubs must come from our own pages (antiforgery header + Origin).
app.UseMatchboardCrossSite();
app.UseAuthorization();
app.UseRateLimiter();
// After authentication: the board's cached copy is served only to anonymous requests (BoardCachePolicy).
app.UseOutputCache();
app.UseMatchboardIdempotency();

var api = app.MapGroup("/api");
api.MapAuthApi()
    .MapMeApi()
    .MapEmailPreferencesApi()
    .MapTasksApi()
    .MapMatchesApi()
    .MapBidsApi()
    .MapQuestionsApi()
    .MapContractsApi()
    .MapReviewsApi()
    .MapNotificationsApi()
    .MapVisitsApi()
    .MapAlertsApi()
    .MapJoinApi()
    .MapCertificationApi()
    .MapInsuranceApi()
    .MapTeamApi()
    .MapCityAccountsApi()
    .MapVerificationApi()
    .MapDirectoryApi()
    .MapAwardsApi()
    .MapOpenDataApi()
    .MapDashboardApi()
    .MapSupportApi()
    .MapComplaintsApi()
    .MapAuditApi();

app.MapRazorPages();
app.MapHub<MatchboardHub>(MatchboardHub.Path);
app.MapMatchboardFloors(); // the benchmark's floors: mapped only with Matchboard:Benchmark:Floors=true

// The API reference is for developers: in Production only when the deployment chooses to publish it.
if (app.Environment.IsDevelopment() || app.Configuration.GetValue("Matchboard:PublishApiReference", false))
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

app.MapMatchboardHealth();

await app.InitializeDatabaseAsync();
if (AdminCommandLine.IsAdminCommand(args))
{
    // An administration command runs on the migrated database and exits; the server never starts.
    Environment.ExitCode = await AdminCommandLine.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
    await app.DisposeAsync();
    return;
}

if (AuditCommandLine.IsAuditCommand(args))
{
    // audit verify: recomputes the chain on the app's own database and exits 0 (holds) or 1 (names the first broken entry).
    Environment.ExitCode = await AuditCommandLine.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
    await app.DisposeAsync();
    return;
}

await app.RunAsync();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    if (IsApiPath(context.Request.Path))
    {
        context.Response.StatusCode = status;
    }
    else
    {
        context.Response.Redirect(context.RedirectUri);
    }

    return Task.CompletedTask;
}

static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
