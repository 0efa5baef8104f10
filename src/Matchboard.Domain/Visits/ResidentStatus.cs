namespace Matchboard.Domain.Visits;

/// <summary>ようす: how the visitor found the resident (or the shift, for work without households).</summary>
public enum ResidentStatus
{
    Ok,
    Concern,
    Urgent,
    NotHome,
}

/// <summary>One item of the watch-over checklist: 問題なし / 気になる / 聞けなかった.</summary>
public enum ChecklistAnswer
{
    NotAsked,
    Fine,
    Concern,
}

/// <summary>How a household gave its consent to be visited.</summary>
public enum ConsentMethod
{
    InPerson,
    InWriting,
}
