namespace Matchboard.Web.Features.OpenData;

/// <summary>
/// The open data's identity (Matchboard:Ocds:*). The OCID prefix is registered with the Open Contracting
/// Partnership (<c>ocds-</c> plus six characters) and a deployment sets its own; the default says it is an example.
/// </summary>
public sealed class OcdsOptions
{
    public const string Section = "Matchboard:Ocds";

    /// <summary>Every task's ocid is this prefix followed by the task id.</summary>
    public string OcidPrefix { get; set; } = "ocds-xxxxxx-matchboard-";

    /// <summary>Who publishes the data: the city.</summary>
    public string PublisherName { get; set; } = "川崎市 Matchboard";

    /// <summary>Releases per page of the package list; links.next leads on.</summary>
    public int PageSize { get; set; } = 100;
}
