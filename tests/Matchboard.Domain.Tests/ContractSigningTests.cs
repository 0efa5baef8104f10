using Matchboard.Domain.Contracts;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class ContractSigningTests
{
    private const int ProviderId = 1;
    private readonly Contract _contract = SignableContract();
    private readonly DateTimeOffset _first = AfterDeadline.AddDays(1);
    private readonly DateTimeOffset _second = AfterDeadline.AddDays(2);

    [Fact]
    public void TheAwardedContractIsBetweenTheAssociationAndTheProvider()
    {
        Assert.Equal(AssociationId, _contract.AssociationId);
        Assert.Equal(ProviderId, _contract.ProviderId);
        Assert.True(_contract.IsParty(AssociationId));
        Assert.True(_contract.IsParty(ProviderId));
        Assert.False(_contract.IsParty(2));
    }

    [Fact]
    public void OneSignatureLeavesTheContractPending()
    {
        _contract.Sign(AssociationId, _first);

        Assert.Equal(ContractStatus.PendingSignatures, _contract.Status);
        Assert.Equal(_first, _contract.AssociationSignedAt);
        Assert.Null(_contract.ProviderSignedAt);
        Assert.Null(_contract.ActivatedAt);
    }

    [Fact]
    public void AssociationThenProviderSigningActivatesTheContract()
    {
        _contract.Sign(AssociationId, _first);
        _contract.Sign(ProviderId, _second);

        Assert.Equal(ContractStatus.Active, _contract.Status);
        Assert.Equal(_first, _contract.AssociationSignedAt);
        Assert.Equal(_second, _contract.ProviderSignedAt);
        Assert.Equal(_second, _contract.ActivatedAt);
    }

    [Fact]
    public void ProviderThenAssociationSigningActivatesTheContract()
    {
        _contract.Sign(ProviderId, _first);
        _contract.Sign(AssociationId, _second);

        Assert.Equal(ContractStatus.Active, _contract.Status);
        Assert.Equal(_first, _contract.ProviderSignedAt);
        Assert.Equal(_second, _contract.AssociationSignedAt);
        Assert.Equal(_second, _contract.ActivatedAt);
    }

    [Theory]
    [InlineData(AssociationId)]
    [InlineData(ProviderId)]
    public void SigningTheSameSideTwiceThrowsAlreadySigned(int organizationId)
    {
        _contract.Sign(organizationId, _first);

        AssertFails(() => _contract.Sign(organizationId, _second), "contract.already-signed", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.PendingSignatures, _contract.Status);
        Assert.Equal(_first, organizationId == AssociationId ? _contract.AssociationSignedAt : _contract.ProviderSignedAt);
        Assert.Null(_contract.ActivatedAt);
    }

    [Fact]
    public void AThirdOrganizationCannotSign()
    {
        AssertFails(() => _contract.Sign(2, _first), "contract.not-a-party", DomainErrorKind.RuleViolation);

        Assert.Equal(ContractStatus.PendingSignatures, _contract.Status);
        Assert.Null(_contract.AssociationSignedAt);
        Assert.Null(_contract.ProviderSignedAt);
    }

    [Theory]
    [InlineData(AssociationId)]
    [InlineData(ProviderId)]
    [InlineData(2)]
    public void SigningAnActiveContractThrowsNotPending(int organizationId)
    {
        _contract.Sign(AssociationId, _first);
        _contract.Sign(ProviderId, _first);
        var third = _second.AddDays(1);

        AssertFails(() => _contract.Sign(organizationId, third), "contract.not-pending", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.Active, _contract.Status);
        Assert.Equal(_first, _contract.ActivatedAt);
    }
}
