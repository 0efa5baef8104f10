namespace Matchboard.Domain.Notifications;

public enum NotificationType
{
    TaskPosted,
    BidPlaced,
    BidRevised,
    BidWithdrawn,
    QuestionAsked,
    QuestionAnswered,
    BidAwarded,
    BidRejected,
    TaskCancelled,
    ContractSigned,
}
