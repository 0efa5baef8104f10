using AutoMapper;
using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

public sealed class NotificationMappingProfile : Profile
{
    public NotificationMappingProfile()
    {
        CreateMap<Notification, NotificationDto>().MaxDepth(1);
        CreateMap<NotificationMatch, NotificationMatchDto>().MaxDepth(1);
        CreateMap<NotificationMatchReason, NotificationMatchReasonDto>().MaxDepth(1);
    }
}
