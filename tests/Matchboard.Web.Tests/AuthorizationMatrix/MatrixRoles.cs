namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>Who calls: the eight roles of the matrix, each a demo account (or nobody).</summary>
public enum Role
{
    Anonymous,

    /// <summary>木月三丁目町内会 (officer.kizuki): posts the tasks, owns the contracts.</summary>
    OwnerAssociation,

    /// <summary>溝口一丁目町内会 (officer.mizonokuchi): an association with nothing to do with them.</summary>
    OtherAssociation,

    /// <summary>なかはら見守りネット (staff.mimamori): bids on the tasks, the provider of the contracts.</summary>
    BiddingGroup,

    /// <summary>たまがわクリーンサポート (staff.tamagawa): a verified group that did not bid.</summary>
    OtherGroup,

    /// <summary>ひまわり見守りの会 (staff.unverified): a group the city has not verified.</summary>
    UnverifiedGroup,

    /// <summary>川崎市 地域活動推進課 (city.staff).</summary>
    CityStaff,

    /// <summary>An individual supporter (supporter.kosugi), verified: sees tasks and the requests sent to it, nothing else.</summary>
    Supporter,
}

/// <summary>
/// When a row runs: the clock only moves forward, so the rows run stage by stage.
/// Bidding: before the tasks' deadline. Decided: just after it (awards, signing, delivery, reviews).
/// Work: the first visit day of the active watch-over contract. Late: the winner's time to sign has passed.
/// End: the city's verification decisions, which change what "unverified" means, come last.
/// </summary>
public enum Stage
{
    Bidding,
    Decided,
    Work,
    Late,
    End,
}
