using System.Linq.Expressions;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Support;

/// <summary>
/// An association asks an individual supporter for help with one of its published tasks. The supporter accepts
/// or declines; until it accepts, the association knows it only by ward and categories (never name or contact).
/// One open request per supporter and task.
/// </summary>
public class SupportRequest
{
    public const int MessageMaxLength = 500;

    private SupportRequest()
    {
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    public int AssociationId { get; private set; }

    public int SupporterId { get; private set; }

    /// <summary>A short note from the association (what help, when); optional.</summary>
    public string? Message { get; private set; }

    public SupportRequestStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the supporter answered, or the association withdrew.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => Status == SupportRequestStatus.Open;

    /// <summary>The one rule of supporter privacy: the association learns who the supporter is only after it accepts.</summary>
    public bool RevealsSupporter => Status == SupportRequestStatus.Accepted;

    public static SupportRequest Create(CommunityTask task, Organization supporter, string? message, DateTimeOffset now)
    {
        var note = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (note is { Length: > MessageMaxLength })
        {
            DomainException.ThrowIfAny([new FieldError("message", "too-long", MessageMaxLength)]);
        }

        if (RefusalCode(task, supporter) is { } refusal)
        {
            throw new DomainException(refusal, DomainErrorKind.RuleViolation);
        }

        return new SupportRequest
        {
            TaskId = task.Id,
            AssociationId = task.AssociationId,
            SupporterId = supporter.Id,
            Message = note,
            Status = SupportRequestStatus.Open,
            RequestedAt = now,
        };
    }

    /// <summary>
    /// Why the association may not ask <paramref name="supporter"/> for help with <paramref name="task"/>, or null if it
    /// may: the task is published and not cancelled, the supporter is an available (verified) supporter, and it offers
    /// the task's category. Lists that offer "ask" call this; <see cref="Create"/> enforces it.
    /// </summary>
    public static string? RefusalCode(CommunityTask task, Organization supporter) =>
        RefusalCode(task, supporter.Standing, supporter.Categories);

    /// <summary>The same rule on a supporter read as values: its standing and the categories it offers.</summary>
    public static string? RefusalCode(CommunityTask task, OrganizationStanding supporter, IReadOnlyCollection<string> categories)
    {
        if (task.PublishedAt is null || task.Status == CommunityTaskStatus.Cancelled)
        {
            return "support.task-not-published";
        }

        if (!IsAvailable(supporter.Kind, supporter.IsVerified))
        {
            return "support.not-a-supporter";
        }

        return categories.Contains(task.Category) ? null : "support.category-not-offered";
    }

    /// <summary>Who may be listed to associations and asked: verified individual supporters only, by kind and verification.</summary>
    private static readonly Expression<Func<OrganizationKind, bool, bool>> AvailableRule =
        (kind, verified) => kind == OrganizationKind.Supporter && verified;

    /// <summary>The same rule as a query over organizations.</summary>
    public static Expression<Func<Organization, bool>> AvailableSupporters { get; } = OnOrganizations(AvailableRule);

    private static readonly Func<OrganizationKind, bool, bool> IsAvailable = AvailableRule.Compile();

    private static Expression<Func<Organization, bool>> OnOrganizations(Expression<Func<OrganizationKind, bool, bool>> rule)
    {
        var organization = Expression.Parameter(typeof(Organization), "o");
        return Expression.Lambda<Func<Organization, bool>>(
            ExpressionBinding.Bind(
                rule,
                Expression.Property(organization, nameof(Organization.Kind)),
                Expression.Property(organization, nameof(Organization.IsVerified))),
            organization);
    }

    public void Accept(DateTimeOffset now) => Close(SupportRequestStatus.Accepted, now);

    public void Decline(DateTimeOffset now) => Close(SupportRequestStatus.Declined, now);

    public void Withdraw(DateTimeOffset now) => Close(SupportRequestStatus.Withdrawn, now);

    private void Close(SupportRequestStatus status, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("support.not-open");
        }

        Status = status;
        ClosedAt = now;
    }
}
