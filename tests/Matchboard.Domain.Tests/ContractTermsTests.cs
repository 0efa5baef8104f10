using Matchboard.Domain.Contracts;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Terms and contact persons come before signatures, and a change after a signature clears it.</summary>
public class ContractTermsTests
{
    private const int ProviderId = 1;
    private readonly DateTimeOffset _at = AfterDeadline.AddDays(1);

    [Fact]
    public void TheSigningDeadlineIsSevenDaysAfterTheAwardByDefault()
    {
        Assert.Equal(AfterDeadline.AddDays(7), AwardedContract().SignBy);
    }

    [Fact]
    public void TheSigningDeadlineFollowsTheConfiguredTime()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);

        var contract = task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline, TimeSpan.FromDays(3));

        Assert.Equal(AfterDeadline.AddDays(3), contract.SignBy);
    }

    [Fact]
    public void TheAssociationCannotSignBeforeItsTerms()
    {
        var contract = AwardedContract();
        contract.SetContact(AssociationId, Contact());

        AssertFails(() => contract.Sign(AssociationId, _at), "contract.terms-missing", DomainErrorKind.RuleViolation);
        Assert.Null(contract.AssociationSignedAt);
    }

    [Fact]
    public void TheAssociationCannotSignBeforeItsContactPerson()
    {
        var contract = AwardedContract();
        contract.SetTerms(AssociationId, SignableTerms);

        AssertFails(() => contract.Sign(AssociationId, _at), "contract.contact-missing", DomainErrorKind.RuleViolation);
        Assert.Null(contract.AssociationSignedAt);
    }

    [Fact]
    public void TheProviderCannotSignBeforeItsContactPersonButNeedsNoTerms()
    {
        var contract = AwardedContract();

        AssertFails(() => contract.Sign(ProviderId, _at), "contract.contact-missing", DomainErrorKind.RuleViolation);
        contract.SetContact(ProviderId, Contact());
        contract.Sign(ProviderId, _at);

        Assert.Equal(_at, contract.ProviderSignedAt);
    }

    [Fact]
    public void OnlyTheAssociationSetsTheTerms()
    {
        var contract = AwardedContract();

        AssertFails(() => contract.SetTerms(ProviderId, SignableTerms), "contract.association-only", DomainErrorKind.RuleViolation);
        AssertFails(() => contract.SetTerms(2, SignableTerms), "contract.not-a-party", DomainErrorKind.RuleViolation);
        Assert.False(contract.HasTerms);
    }

    [Fact]
    public void ChangedTermsClearTheOtherSidesSignature()
    {
        var contract = SignableContract();
        contract.Sign(ProviderId, _at);

        var changed = contract.SetTerms(AssociationId, SignableTerms with { PaymentTiming = PaymentTiming.Monthly });

        Assert.True(changed);
        Assert.Null(contract.ProviderSignedAt);
        Assert.Equal(PaymentTiming.Monthly, contract.PaymentTiming);
    }

    [Fact]
    public void TheSameTermsAgainChangeNothingAndKeepTheSignature()
    {
        var contract = SignableContract();
        contract.Sign(ProviderId, _at);

        Assert.False(contract.SetTerms(AssociationId, SignableTerms with { Insurance = "  " + SignableTerms.Insurance + " " }));
        Assert.Equal(_at, contract.ProviderSignedAt);
    }

    [Fact]
    public void AChangedContactClearsTheSignature()
    {
        var contract = SignableContract();
        contract.Sign(AssociationId, _at);

        Assert.True(contract.SetContact(ProviderId, Contact("別の 担当")));

        Assert.Null(contract.AssociationSignedAt);
        Assert.Equal("別の 担当", contract.ProviderContact!.Name);
    }

    [Fact]
    public void TermsCannotChangeOnceActive()
    {
        var contract = ActiveContract(_at);

        AssertFails(() => contract.SetTerms(AssociationId, SignableTerms with { PaymentNote = "変更" }), "contract.not-pending", DomainErrorKind.Conflict);
        AssertFails(() => contract.SetContact(ProviderId, Contact("別の 担当")), "contract.not-pending", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.Active, contract.Status);
    }

    [Fact]
    public void BadTermsAndContactsNameEveryWrongField()
    {
        var contract = AwardedContract();

        AssertInvalid(() => contract.SetTerms(AssociationId, new ContractTerms(null, new string('x', 501), "")), ("paymentTiming", "required"), ("paymentNote", "too-long"), ("insurance", "required"));
        AssertInvalid(() => contract.SetTerms(AssociationId, new ContractTerms((PaymentTiming)99, null, "保険")), ("paymentTiming", "out-of-range"));
        AssertInvalid(() => contract.SetContact(ProviderId, new ContactPerson(new string('x', 101), "電話して", "no-at-sign")), ("name", "too-long"), ("phone", "invalid-phone"), ("email", "invalid-email"));
        Assert.False(contract.HasTerms);
        Assert.Null(contract.ProviderContact);
    }

    [Fact]
    public void EachSideSeesItsOwnContactButTheOtherOnlyOnceBothHaveSigned()
    {
        var contract = SignableContract();
        contract.Sign(AssociationId, _at);

        Assert.NotNull(contract.ContactVisibleTo(AssociationId, AssociationId));
        Assert.Null(contract.ContactVisibleTo(ProviderId, AssociationId));
        Assert.Null(contract.ContactVisibleTo(AssociationId, ProviderId));

        contract.Sign(ProviderId, _at);

        Assert.Equal("見守 一郎", contract.ContactVisibleTo(ProviderId, AssociationId)!.Name);
        Assert.Equal("町内 会長", contract.ContactVisibleTo(AssociationId, ProviderId)!.Name);
        Assert.Null(contract.ContactVisibleTo(ProviderId, 2));
        Assert.Null(contract.ContactVisibleTo(ProviderId, null));
    }
}
