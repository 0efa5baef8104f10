namespace Matchboard.Domain.Organizations;

/// <summary>
/// The city's certification mark (市の認証) for a civic group: its number, the days it is valid (from
/// <see cref="Issued"/> through <see cref="Expires"/>, both included), and whether city staff suspended or revoked
/// it. Changed only through the group's decisions (<see cref="Organization.GrantCertification"/> and the others).
/// </summary>
public sealed class Certification
{
    /// <summary>A mark is 「まもなく期限」 from this many days before its last valid day.</summary>
    public const int ExpiringSoonDays = 60;

    /// <summary>The group is told this many days before the last valid day, once each.</summary>
    public static readonly IReadOnlyList<int> ExpiryNoticeDays = [60, 14];

    private Certification()
    {
        Number = string.Empty;
    }

    /// <summary>A mark valid from <paramref name="issued"/> through <paramref name="expires"/>.</summary>
    public Certification(string number, DateOnly issued, DateOnly expires, string? note = null)
    {
        Number = number;
        Issued = issued;
        Expires = expires;
        Note = note;
    }

    public string Number { get; private set; }

    /// <summary>The first day the mark is valid (valid from).</summary>
    public DateOnly Issued { get; private set; }

    /// <summary>The last day the mark is valid (valid to).</summary>
    public DateOnly Expires { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>The smallest of <see cref="ExpiryNoticeDays"/> already told to the group for this validity; null when none.</summary>
    public int? ExpiryNoticeSentDays { get; private set; }

    /// <summary>The lapse at expiry (live bids on tasks requiring the mark withdrawn) has been carried out.</summary>
    public bool ExpiryLapseHandled { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The mark as the rules read it (<see cref="CertificationMark"/>: the one place they are stated).</summary>
    public CertificationMark Mark => new(Issued, Expires, IsSuspended, IsRevoked);

    public CertificationState StateOn(DateOnly day) => Mark.StateOn(day);

    /// <summary>The one rule (<see cref="CertificationMark.IsValidOn"/>).</summary>
    public bool IsValidOn(DateOnly day) => Mark.IsValidOn(day);

    /// <summary>
    /// The days on which the mark counts as known now (null when suspended or revoked): for the matcher, which must
    /// state the same rule as a database query over each task's start date.
    /// </summary>
    public (DateOnly From, DateOnly To)? CountingDays => IsSuspended || IsRevoked ? null : (Issued, Expires);

    /// <summary>
    /// The state of a mark on a day, from its dates and decisions: a revoked mark stays revoked, a suspended one
    /// suspended, whatever the dates; otherwise before its first day it is not yet valid, after its last day expired,
    /// and from <see cref="ExpiringSoonDays"/> days before its last day expiring soon.
    /// </summary>
    public static CertificationState StateOf(DateOnly issued, DateOnly expires, bool suspended, bool revoked, DateOnly day) =>
        revoked ? CertificationState.Revoked
        : suspended ? CertificationState.Suspended
        : day < issued ? CertificationState.NotYetValid
        : day > expires ? CertificationState.Expired
        : expires.DayNumber - day.DayNumber <= ExpiringSoonDays ? CertificationState.ExpiringSoon
        : CertificationState.Valid;

    /// <summary>Whether a mark in this state counts (certification-required tasks, the badge, matching).</summary>
    public static bool Counts(CertificationState state) => state is CertificationState.Valid or CertificationState.ExpiringSoon;

    /// <summary>
    /// The expiry notice due on <paramref name="today"/> (60 or 14 days before the last valid day), or null: each is
    /// sent once per validity, and only the nearer one when both are due (a mark granted 30 days before expiry gets
    /// the 60-day notice at once, not the 14-day one too early).
    /// </summary>
    public int? ExpiryNoticeDueOn(DateOnly today)
    {
        if (!IsValidOn(today))
        {
            return null;
        }

        var daysLeft = Expires.DayNumber - today.DayNumber;
        var due = ExpiryNoticeDays.Where(d => daysLeft <= d).Order().FirstOrDefault();
        return due == 0 || (ExpiryNoticeSentDays is { } sent && sent <= due) ? null : due;
    }

    /// <summary>Whether the mark has expired and its lapse has not been carried out yet (the sweep's work).</summary>
    public bool IsExpiryLapseDueOn(DateOnly today) => !ExpiryLapseHandled && StateOn(today) == CertificationState.Expired;

    internal void RecordExpiryNotice(int days) => ExpiryNoticeSentDays = days;

    internal void RecordExpiryLapse() => ExpiryLapseHandled = true;

    internal void Renew(string number, DateOnly expires, string? note)
    {
        Number = number;
        Expires = expires;
        Note = note;
        ExpiryNoticeSentDays = null;
        ExpiryLapseHandled = false;
    }

    internal void Suspend(string reason, DateTimeOffset now)
    {
        SuspendedAt = now;
        SuspensionReason = reason;
    }

    internal void Revoke(string reason, DateTimeOffset now)
    {
        RevokedAt = now;
        RevocationReason = reason;
    }
}

public enum CertificationState
{
    /// <summary>The group has never had a mark.</summary>
    None,
    NotYetValid,
    Valid,
    ExpiringSoon,
    Expired,
    Suspended,
    Revoked,
}
