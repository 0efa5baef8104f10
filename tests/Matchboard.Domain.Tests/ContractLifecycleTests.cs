using Matchboard.Domain.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// From Active through delivery to completion or termination, as time passes on a fake clock: the contract is
/// signed when the clock starts and each test begins two months later, when the work is done.
/// </summary>
public class ContractLifecycleTests
{
    private const int ProviderId = 1;
    private static readonly TimeSpan FourteenDays = TimeSpan.FromDays(14);
    private readonly FakeTimeProvider _clock = new(AfterDeadline.AddDays(1));
    private readonly Contract _contract;

    public ContractLifecycleTests()
    {
        _contract = ActiveContract(Now);
        _clock.Advance(TimeSpan.FromDays(60));
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void AnActiveContractIsOpenForWorkAndNotEnded()
    {
        Assert.True(_contract.IsWorkOpen);
        Assert.Null(_contract.EndedAt);
    }

    [Fact]
    public void TheProviderDeliversWithANoteAndTheVisitCounts()
    {
        var delivered = Now;
        _contract.Deliver(ProviderId, "12回のうち11回訪問しました。", 11, 12, delivered);

        Assert.Equal(ContractStatus.Delivered, _contract.Status);
        Assert.True(_contract.IsWorkOpen);
        Assert.Equal((11, 12), (_contract.VisitsMade, _contract.VisitsPlanned));
        Assert.Equal(delivered + FourteenDays, _contract.AutoCompletesAt);
    }

    [Fact]
    public void OnlyTheProviderDeliversAndOnlyOnce()
    {
        var delivered = Now;
        AssertFails(() => _contract.Deliver(AssociationId, "完了", 1, 1, Now), "contract.provider-only", DomainErrorKind.RuleViolation);
        _contract.Deliver(ProviderId, "完了", 1, 1, Now);
        _clock.Advance(TimeSpan.FromDays(1));

        AssertFails(() => _contract.Deliver(ProviderId, "もう一度、同じ団体に決めたいと考えたため決定しました。", 2, 2, Now), "contract.not-active", DomainErrorKind.Conflict);
        Assert.Equal("完了", _contract.DeliveryNote);
        Assert.Equal(delivered, _contract.DeliveredAt);
    }

    [Fact]
    public void APendingContractCannotBeDelivered()
    {
        AssertFails(() => SignableContract().Deliver(ProviderId, "完了", 1, 1, Now), "contract.not-active", DomainErrorKind.Conflict);
    }

    [Fact]
    public void ATooLongNoteIsInvalid()
    {
        AssertInvalid(() => _contract.Deliver(ProviderId, new string('あ', 100_000), 1, 1, Now), ("note", "too-long"));
        AssertInvalid(() => _contract.Deliver(ProviderId, "完了", -1, 1, Now), ("visitsMade", "negative"));
        Assert.Equal(ContractStatus.Active, _contract.Status);
    }

    [Fact]
    public void AcceptingADeliveryCompletesTheContract()
    {
        _contract.Deliver(ProviderId, "完了", 12, 12, Now);
        _clock.Advance(TimeSpan.FromDays(1));
        var accepted = Now;

        AssertFails(() => _contract.Accept(ProviderId, Now), "contract.association-only", DomainErrorKind.RuleViolation);
        _contract.Accept(AssociationId, Now);

        Assert.Equal(ContractStatus.Completed, _contract.Status);
        Assert.Equal(accepted, _contract.EndedAt);
        Assert.False(_contract.IsWorkOpen);
        Assert.False(_contract.CompletedAutomatically);
    }

    [Fact]
    public void OnlyADeliveryCanBeAccepted()
    {
        AssertFails(() => _contract.Accept(AssociationId, Now), "contract.not-delivered", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.Active, _contract.Status);
    }

    [Fact]
    public void AskingForChangesReopensTheWorkAndTheClockStartsAgainAtTheNextDelivery()
    {
        _contract.Deliver(ProviderId, "完了", 10, 12, Now);
        _clock.Advance(TimeSpan.FromDays(13));
        _contract.RequestChanges(AssociationId, "残り2回の訪問をお願いします。", Now);

        Assert.Equal(ContractStatus.Active, _contract.Status);
        Assert.Null(_contract.AutoCompletesAt);

        // Fourteen days after the first delivery have passed, but nothing is waiting for acceptance.
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.False(_contract.IsDueForAutoCompletion(Now));
        AssertFails(() => _contract.CompleteAutomatically(Now), "contract.not-due", DomainErrorKind.Conflict);

        _clock.Advance(TimeSpan.FromDays(5));
        var again = Now;
        _contract.Deliver(ProviderId, "残りも訪問しました。", 12, 12, again);
        Assert.Equal(again + FourteenDays, _contract.AutoCompletesAt);

        _clock.Advance(FourteenDays - TimeSpan.FromMinutes(1));
        Assert.False(_contract.IsDueForAutoCompletion(Now));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_contract.IsDueForAutoCompletion(Now));
    }

    [Fact]
    public void ARequestForChangesNeedsAReason()
    {
        _contract.Deliver(ProviderId, "完了", 10, 12, Now);

        AssertInvalid(() => _contract.RequestChanges(AssociationId, " ", Now), ("reason", "required"));
        Assert.Equal(ContractStatus.Delivered, _contract.Status);
    }

    [Fact]
    public void ADeliveryLeftFourteenDaysCompletesByItself()
    {
        var delivered = Now;
        _contract.Deliver(ProviderId, "完了", 12, 12, delivered);

        _clock.Advance(FourteenDays - TimeSpan.FromMinutes(1));
        Assert.False(_contract.IsDueForAutoCompletion(Now));
        _clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
        AssertFails(() => _contract.CompleteAutomatically(Now), "contract.not-due", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.Delivered, _contract.Status);

        _clock.Advance(TimeSpan.FromTicks(1));
        _contract.CompleteAutomatically(Now);

        Assert.Equal(ContractStatus.Completed, _contract.Status);
        Assert.True(_contract.CompletedAutomatically);
        Assert.Equal(delivered + FourteenDays, _contract.EndedAt);

        _clock.Advance(TimeSpan.FromDays(1));
        AssertFails(() => _contract.CompleteAutomatically(Now), "contract.not-due", DomainErrorKind.Conflict);
        Assert.Equal(delivered + FourteenDays, _contract.EndedAt);
    }

    [Theory]
    [InlineData(AssociationId, false)]
    [InlineData(ProviderId, true)]
    public void EitherSideTerminatesOpenWorkWithAReason(int side, bool delivered)
    {
        if (delivered)
        {
            _contract.Deliver(ProviderId, "完了", 1, 12, Now);
        }

        _clock.Advance(TimeSpan.FromDays(1));
        _contract.Terminate(side, "人手が足りなくなりました。", Now);

        Assert.Equal(ContractStatus.Terminated, _contract.Status);
        Assert.Equal(side, _contract.TerminatedById);
        Assert.Equal(Now, _contract.EndedAt);
        Assert.False(_contract.IsWorkOpen);
    }

    [Fact]
    public void OnlyOpenWorkCanBeTerminatedAndOnlyByASide()
    {
        AssertFails(() => _contract.Terminate(2, "理由", Now), "contract.not-a-party", DomainErrorKind.RuleViolation);
        AssertFails(() => SignableContract().Terminate(AssociationId, "理由", Now), "contract.not-open", DomainErrorKind.Conflict);
        _contract.Terminate(AssociationId, "理由", Now);
        _clock.Advance(TimeSpan.FromDays(1));
        AssertFails(() => _contract.Terminate(ProviderId, "理由", Now), "contract.not-open", DomainErrorKind.Conflict);
        Assert.Equal(AssociationId, _contract.TerminatedById);
    }
}
