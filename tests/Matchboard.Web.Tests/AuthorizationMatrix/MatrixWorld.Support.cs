using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>Support requests of the owner association to the demo supporter (小杉 みどり, 中原区), each on a fresh open task.</summary>
public sealed partial class MatrixWorld
{
    private int? _supporterId;

    public async Task<int> SupporterIdAsync() =>
        _supporterId ??= (await ApiClient.SignInAsync(Factory, DemoAccounts.KosugiSupporter)).OrganizationId;

    public async Task<int> FreshSupportRequestAsync()
    {
        var response = await _owner.PostJsonAsync("/api/support-requests", new { supporterId = await SupporterIdAsync(), taskId = await FreshOpenTaskAsync(withBid: false) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
