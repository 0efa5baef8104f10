using AutoMapper;
using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

public sealed class NotificationMappingProfile : Profile
{
    public NotificationMappingProfile()
    {
        CreateMap<Notification, NotificationDto>().MaxDepth(1);
        // Depth 2, not 1: AutoMapper counts the reason list as one level below the match (as with a task's weekdays),
        // so MaxDepth(1) mapped it empty.
        CreateMap<NotificationMatch, NotificationMatchDto>().MaxDepth(2);
        CreateMap<NotificationMatchReason, NotificationMatchReasonDto>().MaxDepth(1);
    }
}
