namespace Matchboard.Domain.Support;

public enum SupportRequestStatus
{
    /// <summary>Sent; the supporter has not answered and the association has not taken it back.</summary>
    Open,
    Accepted,
    Declined,

    /// <summary>The association took the request back before the supporter answered.</summary>
    Withdrawn,
}
