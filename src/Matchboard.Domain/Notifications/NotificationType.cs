namespace Matchboard.Domain.Notifications;

public enum NotificationType
{
    TaskPosted,
    BidPlaced,
    BidRevised,

    /// <summary>A group confirmed that its bid, made before the task changed, stands for the current terms.</summary>
    BidConfirmed,
    BidWithdrawn,
    QuestionAsked,
    QuestionAnswered,
    BidAwarded,
    BidRejected,
    TaskCancelled,

    /// <summary>The association edited a task the group bid on; what changed is in the task's history.</summary>
    TaskChanged,
    ContractSigned,

    /// <summary>The association changed the contract's terms or a side its contact person; a signature was cleared.</summary>
    ContractChanged,
    AwardWithdrawn,
    VisitReported,
    VisitAlert,
    VisitAlertEscalated,
    VisitAlertAcknowledged,
    VisitMissed,
    ContractDelivered,
    ContractChangesRequested,
    ContractCompleted,
    ContractTerminated,
    ReviewReceived,

    /// <summary>To an individual supporter: an association asks for help with one of its tasks.</summary>
    SupportRequested,

    /// <summary>To the association: the supporter accepted or declined its request.</summary>
    SupportAnswered,
    /// <summary>To city staff: an organization signed up and waits to be verified (not about a task).</summary>
    RegistrationReceived,
}
