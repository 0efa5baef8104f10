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

    /// <summary>To the supporter: the association took back a request it had not answered yet.</summary>
    SupportWithdrawn,

    /// <summary>To city staff: an organization signed up and waits to be verified (not about a task).</summary>
    RegistrationReceived,
    /// <summary>City staff granted the group the city's certification mark (to the group; not about a task).</summary>
    CertificationGranted,
    CertificationRenewed,
    CertificationSuspended,
    CertificationRevoked,

    /// <summary>The mark expires in 60 or 14 days (to the group, once each).</summary>
    CertificationExpiring,

    /// <summary>The mark has expired (to the group).</summary>
    CertificationExpired,

    /// <summary>A bid on a task requiring certification was withdrawn because the group's mark lapsed (to the group and the association).</summary>
    BidWithdrawnCertificationLapsed,

    /// <summary>The provider of an ongoing contract lost its mark; the contract continues (to the association).</summary>
    ProviderCertificationLapsed,

    /// <summary>To an organization: city staff decided on its verification (verified, declined, more information asked, suspended), with the reason.</summary>
    VerificationDecided,

    /// <summary>To city staff: an organization filed a complaint (苦情); links to the city's complaint queue.</summary>
    ComplaintFiled,

    /// <summary>To the organization that filed a complaint: the city answered it; links to the complaint's own page.</summary>
    ComplaintAnswered,

    /// <summary>To a civic group: an association invites it to bid on one of its tasks.</summary>
    TaskInvited,
}
