using System.Net.Http.Json;
using Matchboard.Web.Features.Complaints;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>Complaints the owner association filed about its contracts' conduct, each fresh (answering changes them).</summary>
public sealed partial class MatrixWorld
{
    public async Task<ComplaintDto> FreshComplaintAsync()
    {
        var contractId = await ContractAsync(ContractState.Awarded);
        var response = await _owner.PostJsonAsync("/api/complaints", new { subject = "Conduct", contractId, text = "連絡が遅れがちです。" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ComplaintDto>(ApiClient.Json))!;
    }
}
