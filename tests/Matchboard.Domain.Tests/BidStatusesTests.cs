using Matchboard.Domain.Bids;

namespace Matchboard.Domain.Tests;

/// <summary>"Live" and "received" are different rules: a decided bid was received but is no longer live.</summary>
public class BidStatusesTests
{
    [Theory]
    [InlineData(BidStatus.Submitted, true, true)]
    [InlineData(BidStatus.Revised, true, true)]
    [InlineData(BidStatus.Accepted, false, true)]
    [InlineData(BidStatus.Rejected, false, true)]
    [InlineData(BidStatus.Withdrawn, false, false)]
    public void EachStatusIsLiveOrReceivedAsTheRulesSay(BidStatus status, bool live, bool received)
    {
        Assert.Equal(live, BidStatuses.IsLive(status));
        Assert.Equal(received, BidStatuses.IsReceived(status));
        Assert.Equal(live, BidStatuses.Live.Contains(status));
        Assert.Equal(received, BidStatuses.Received.Contains(status));
    }
}
