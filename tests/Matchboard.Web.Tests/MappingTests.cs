using AutoMapper;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;
using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

public sealed class MappingTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public void TheMappingConfigurationIsValid()
    {
        var mapper = factory.Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Fact]
    public void EveryMapLimitsItsDepth()
    {
        var maps = factory.Services.GetRequiredService<IMapper>().ConfigurationProvider.Internal().GetAllTypeMaps();

        Assert.NotEmpty(maps);
        Assert.All(maps, map => Assert.True(map.MaxDepth > 0, $"{map.SourceType.Name} → {map.DestinationType.Name} has no MaxDepth"));
    }

    /// <summary>The weekday pattern is a value object; the in-memory map once gave an empty list for it.</summary>
    [Fact]
    public void ATaskPageMapsItsVisitWeekdays()
    {
        var mapper = factory.Services.GetRequiredService<IMapper>();
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var task = CommunityTask.Draft(1, new TaskDetails(
            Title: "高齢者見守り訪問", Description: "一人暮らしの高齢者宅を訪問します。", Category: Categories.WatchOver,
            Ward: Wards.Nakahara, Town: "小杉町", StartDate: new DateOnly(2026, 7, 2), EndDate: new DateOnly(2026, 7, 10),
            VisitsPlanned: 4, IsVolunteer: false, FeeYen: 50_000, BidDeadline: now.AddDays(14),
            CertificationRequired: false, InsuranceRequired: false, HouseholdsServed: 3,
            VisitWeekdays: WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Friday)), now);

        var detail = mapper.Map<TaskDetailDto>(task);
        var summary = mapper.Map<TaskSummaryDto>(task);

        Assert.Equal([DayOfWeek.Thursday, DayOfWeek.Friday], summary.VisitWeekdays);
        Assert.Equal([DayOfWeek.Thursday, DayOfWeek.Friday], detail.VisitWeekdays);
    }

    /// <summary>A TaskPosted's match is pushed with its reasons (MaxDepth(1) on the match once mapped them empty).</summary>
    [Fact]
    public void ANotificationMapsItsMatchWithItsReasons()
    {
        var mapper = factory.Services.GetRequiredService<IMapper>();
        var notification = new Domain.Notifications.Notification(1, Domain.Notifications.NotificationType.TaskPosted, 2, "見守り",
            DateTimeOffset.UnixEpoch, match: new Domain.Notifications.NotificationMatch(70,
                [new Domain.Notifications.NotificationMatchReason("category.same", 40, 40, "同じ分野で活動", "Works in the same field")]));

        var dto = mapper.Map<Features.Notifications.NotificationDto>(notification);

        Assert.Equal(70, dto.Match!.Score);
        var reason = Assert.Single(dto.Match.Reasons);
        Assert.Equal(("category.same", 40, 40, "同じ分野で活動", "Works in the same field"), (reason.Code, reason.Points, reason.MaxPoints, reason.Ja, reason.En));
    }

    /// <summary>
    /// The AutoMapper 14 advisories are uncontrolled recursion on deep graphs. With MaxDepth, as every map
    /// here sets, a chain far deeper than any stack is cut off instead of crashing the process.
    /// </summary>
    [Fact]
    public void ADeliberatelyDeepChainIsCutOffAtMaxDepth()
    {
        var config = new MapperConfiguration(cfg => cfg.CreateMap<Link, LinkDto>().MaxDepth(3));
        var head = new Link();
        var current = head;
        for (var i = 0; i < 200_000; i++)
        {
            current.Next = new Link();
            current = current.Next;
        }

        var mapped = config.CreateMapper().Map<LinkDto>(head);

        var depth = 0;
        for (var node = mapped; node is not null; node = node.Next)
        {
            depth++;
        }

        Assert.Equal(3, depth);
    }

    private sealed class Link
    {
        public Link? Next { get; set; }
    }

    private sealed class LinkDto
    {
        public LinkDto? Next { get; set; }
    }
}
