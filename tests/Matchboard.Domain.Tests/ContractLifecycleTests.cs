using Matchboard.Domain.Contracts;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>From Active through delivery to completion or termination, with explicit times.</summary>
public class ContractLifecycleTests
{
    private const int ProviderId = 1;
    private static readonly DateTimeOffset Signed = AfterDeadline.AddDays(1);
    private static readonly DateTimeOffset Delivered = Signed.AddDays(60);
    private readonly Contract _contract = ActiveContract(Signed);

    [Fact]
    public void AnActiveContractIsOpenForWorkAndNotEnded()
    {
        Assert.True(_contract.IsWorkOpen);
        Assert.Null(_contract.EndedAt);
    }

    [Fact]
    public void TheProviderDeliversWithANoteAndTheVisitCounts()
    {
        _contract.Deliver(ProviderId, "12回のうち11回訪問しました。", 11, 12, Delivered);

        Assert.Equal(ContractStatus.Delivered, _contract.Status);
        Assert.True(_contract.IsWorkOpen);
        Assert.Equal((11, 12), (_contract.VisitsMade, _contract.VisitsPlanned));
        Assert.Equal(Delivered.AddDays(14), _contract.AutoCompletesAt);
    }

    [Fact]
    public void OnlyTheProviderDeliversAndOnlyOnce()
    {
        AssertFails(() => _contract.Deliver(AssociationId, "完了", 1, 1, Delivered), "contract.provider-only", DomainErrorKind.RuleViolation);
        _contract.Deliver(ProviderId, "完了", 1, 1, Delivered);

        AssertFails(() => _contract.Deliver(ProviderId, "もう一度", 2, 2, Delivered.AddDays(1)), "contract.not-active", DomainErrorKind.Conflict);
        Assert.Equal("完了", _contract.DeliveryNote);
        Assert.Equal(Delivered, _contract.DeliveredAt);
    }

    [Fact]
    public void APendingContractCannotBeDelivered()
    {
        AssertFails(() => SignableContract().Deliver(ProviderId, "完了", 1, 1, Delivered), "contract.not-active", DomainErrorKind.Conflict);
    }

    [Fact]
    public void ATooLongNoteIsInvalid()
    {
        AssertInvalid(() => _contract.Deliver(ProviderId, new string('あ', 100_000), 1, 1, Delivered), ("note", "too-long"));
        AssertInvalid(() => _contract.Deliver(ProviderId, "完了", -1, 1, Delivered), ("visitsMade", "negative"));
        Assert.Equal(ContractStatus.Active, _contract.Status);
    }

    [Fact]
    public void AcceptingADeliveryCompletesTheContract()
    {
        _contract.Deliver(ProviderId, "完了", 12, 12, Delivered);

        AssertFails(() => _contract.Accept(ProviderId, Delivered.AddDays(1)), "contract.association-only", DomainErrorKind.RuleViolation);
        _contract.Accept(AssociationId, Delivered.AddDays(1));

        Assert.Equal(ContractStatus.Completed, _contract.Status);
        Assert.Equal(Delivered.AddDays(1), _contract.EndedAt);
        Assert.False(_contract.IsWorkOpen);
        Assert.False(_contract.CompletedAutomatically);
    }

    [Fact]
    public void OnlyADeliveryCanBeAccepted()
    {
        AssertFails(() => _contract.Accept(AssociationId, Delivered), "contract.not-delivered", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.Active, _contract.Status);
    }

    [Fact]
    public void AskingForChangesReopensTheWorkAndTheClockStartsAgainAtTheNextDelivery()
    {
        _contract.Deliver(ProviderId, "完了", 10, 12, Delivered);
        _contract.RequestChanges(AssociationId, "残り2回の訪問をお願いします。", Delivered.AddDays(13));

        Assert.Equal(ContractStatus.Active, _contract.Status);
        Assert.Null(_contract.AutoCompletesAt);
        Assert.False(_contract.IsDueForAutoCompletion(Delivered.AddDays(15)));

        var again = Delivered.AddDays(20);
        _contract.Deliver(ProviderId, "残りも訪問しました。", 12, 12, again);

        Assert.False(_contract.IsDueForAutoCompletion(again.AddDays(14).AddMinutes(-1)));
        Assert.True(_contract.IsDueForAutoCompletion(again.AddDays(14)));
    }

    [Fact]
    public void ARequestForChangesNeedsAReason()
    {
        _contract.Deliver(ProviderId, "完了", 10, 12, Delivered);

        AssertInvalid(() => _contract.RequestChanges(AssociationId, " ", Delivered), ("reason", "required"));
        Assert.Equal(ContractStatus.Delivered, _contract.Status);
    }

    [Fact]
    public void ADeliveryLeftFourteenDaysCompletesByItself()
    {
        _contract.Deliver(ProviderId, "完了", 12, 12, Delivered);

        AssertFails(() => _contract.CompleteAutomatically(Delivered.AddDays(14).AddSeconds(-1)), "contract.not-due", DomainErrorKind.Conflict);
        _contract.CompleteAutomatically(Delivered.AddDays(14));

        Assert.Equal(ContractStatus.Completed, _contract.Status);
        Assert.True(_contract.CompletedAutomatically);
        Assert.Equal(Delivered.AddDays(14), _contract.EndedAt);
        AssertFails(() => _contract.CompleteAutomatically(Delivered.AddDays(15)), "contract.not-due", DomainErrorKind.Conflict);
    }

    [Theory]
    [InlineData(AssociationId, false)]
    [InlineData(ProviderId, true)]
    public void EitherSideTerminatesOpenWorkWithAReason(int side, bool delivered)
    {
        if (delivered)
        {
            _contract.Deliver(ProviderId, "完了", 1, 12, Delivered);
        }

        _contract.Terminate(side, "人手が足りなくなりました。", Delivered.AddDays(1));

        Assert.Equal(ContractStatus.Terminated, _contract.Status);
        Assert.Equal(side, _contract.TerminatedById);
        Assert.Equal(Delivered.AddDays(1), _contract.EndedAt);
        Assert.False(_contract.IsWorkOpen);
    }

    [Fact]
    public void OnlyOpenWorkCanBeTerminatedAndOnlyByASide()
    {
        AssertFails(() => _contract.Terminate(2, "理由", Delivered), "contract.not-a-party", DomainErrorKind.RuleViolation);
        AssertFails(() => SignableContract().Terminate(AssociationId, "理由", Delivered), "contract.not-open", DomainErrorKind.Conflict);
        _contract.Terminate(AssociationId, "理由", Delivered);
        AssertFails(() => _contract.Terminate(ProviderId, "理由", Delivered.AddDays(1)), "contract.not-open", DomainErrorKind.Conflict);
        Assert.Equal(AssociationId, _contract.TerminatedById);
    }
}
