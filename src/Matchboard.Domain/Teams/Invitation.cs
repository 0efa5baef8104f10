namespace Matchboard.Domain.Teams;

public enum InvitationState
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>
/// An email invitation to join one organization (an officer invites officers, a group's staff invite staff, city
/// staff invite city staff). Only a hash of its link's token is kept: the token itself lives in the mail alone.
/// It works once, until <see cref="ExpiresAt"/>, unless revoked.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const int EmailMaxLength = 256;

    private Invitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
        InvitedByUserId = string.Empty;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    /// <summary>The address the link was sent to; the account made from it has this address.</summary>
    public string Email { get; private set; }

    public string TokenHash { get; private set; }

    public string InvitedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public static Invitation Create(int organizationId, string email, string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        var validation = new Validation().Text("email", email, EmailMaxLength, singleLine: true);
        DomainException.ThrowIfAny(validation.Errors);
        return new Invitation
        {
            OrganizationId = organizationId,
            Email = email.Trim(),
            TokenHash = tokenHash,
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    /// <summary>The one definition of what an invitation is at an instant: expiry is a matter of the clock, not of a sweep.</summary>
    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    public void Accept(string userId, DateTimeOffset now)
    {
        EnsurePending(now);
        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    public void Revoke(string byUserId, DateTimeOffset now)
    {
        EnsurePending(now);
        RevokedAt = now;
        RevokedByUserId = byUserId;
    }

    /// <summary>Refuses anything but a pending invitation, saying which of the three it is.</summary>
    public void EnsurePending(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case InvitationState.Accepted:
                throw new DomainException("invitation.used");
            case InvitationState.Revoked:
                throw new DomainException("invitation.revoked");
            case InvitationState.Expired:
                throw new DomainException("invitation.expired");
        }
    }
}
