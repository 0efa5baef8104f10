namespace Matchboard.Domain.Complaints;

/// <summary>What a 苦情 is about.</summary>
public enum ComplaintSubject
{
    /// <summary>How a task was awarded; only a group that bid on it may complain.</summary>
    Award,

    /// <summary>A review written about the filer in one of its contracts.</summary>
    Review,

    /// <summary>The other side's conduct in a contract the filer is a party to.</summary>
    Conduct,
}

public enum ComplaintStatus
{
    /// <summary>Waiting for the city's answer.</summary>
    Filed,

    /// <summary>City staff answered; the filer was told.</summary>
    Answered,
}
