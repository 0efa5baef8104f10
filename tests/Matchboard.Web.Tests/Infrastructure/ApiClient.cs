using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Tasks;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>An HTTP client signed in as one demo user, with the calls the tests make most.</summary>
public sealed class ApiClient(HttpClient http, string token, MeDto me)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public HttpClient Http { get; } = http;

    public string Token { get; } = token;

    public MeDto Me { get; } = me;

    public int OrganizationId => Me.Organization.Id;

    public static async Task<ApiClient> SignInAsync(MatchboardFactory factory, string email)
    {
        var http = factory.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await http.GetFromJsonAsync<MeDto>("/api/me", Json);
        return new ApiClient(http, token, me!);
    }

    public async Task<TaskDetailDto> PostTaskAsync(object request)
    {
        var response = await Http.PostAsJsonAsync("/api/tasks", request);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<TaskDetailDto>(Json))!;
    }

    public async Task<BidDto> BidAsync(
        int taskId, long amountYen = 150_000, string proposal = "週1回、2人1組で訪問します。", DateOnly? earliestStart = null)
    {
        // By default the bid starts when the task does: a start before today (the test clock's) would be refused.
        earliestStart ??= (await GetAsync<TaskDetailDto>($"/api/tasks/{taskId}")).StartDate;
        var response = await Http.PostAsJsonAsync($"/api/tasks/{taskId}/bids", Requests.Bid(amountYen, proposal, earliestStart));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<BidDto>(Json))!;
    }

    public Task<HttpResponseMessage> AwardAsync(int taskId, int bidId, string rationale = "経験と訪問計画の丁寧さから決定しました。") =>
        Http.PostAsJsonAsync($"/api/tasks/{taskId}/award", new { bidId, rationale });

    public async Task<ContractDto> SignAsync(int contractId)
    {
        var response = await Http.PostAsync($"/api/contracts/{contractId}/sign", null);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ContractDto>(Json))!;
    }

    /// <summary>Sends JSON (or nothing) and insists on success; for the steps a test takes on its way.</summary>
    public async Task<ContractDto> SendAsync(HttpMethod method, string url, object? body)
    {
        var response = await Http.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ContractDto>(Json))!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object? body) =>
        Http.PostAsync(url, body is null ? null : JsonContent.Create(body));

    public Task<HttpResponseMessage> PutJsonAsync(string url, object body) => Http.PutAsJsonAsync(url, body);

    public async Task<NotificationPageDto> NotificationsAsync(long after = 0, int? take = null) =>
        (await Http.GetFromJsonAsync<NotificationPageDto>($"/api/notifications?after={after}{(take is { } size ? $"&take={size}" : "")}", Json))!;

    /// <summary>
    /// Every notification, page after page until the server says no more, oldest first: as days pass, the demo's
    /// active contracts alone fill more than one page (a visit with no report is a notification too).
    /// </summary>
    public async Task<List<NotificationDto>> AllNotificationsAsync()
    {
        var all = new List<NotificationDto>();
        NotificationPageDto page;
        do
        {
            page = await NotificationsAsync(all.Count == 0 ? 0 : all[^1].Sequence);
            all.AddRange(page.Items);
        }
        while (page.HasMore);

        return all;
    }

    public async Task<T> GetAsync<T>(string url) => (await Http.GetFromJsonAsync<T>(url, Json))!;

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
