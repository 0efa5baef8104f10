using AutoMapper;
using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Tasks;

public sealed class TaskMappingProfile : Profile
{
    public TaskMappingProfile()
    {
        // Depth 2, not 1: AutoMapper counts the weekday list as one level below the task, so MaxDepth(1) mapped it
        // as an empty list (in memory; the list query's projection was unaffected). Nothing else here nests.
        CreateMap<CommunityTask, TaskSummaryDto>()
            .ForMember(d => d.VisitWeekdays, o => o.MapFrom(s => s.VisitWeekdays.Days))
            .ForMember(d => d.AssociationName, o => o.MapFrom(s => s.Association!.Name))
            .MaxDepth(2);

        // Viewer-dependent members are filled by TaskService, never by the map.
        CreateMap<CommunityTask, TaskDetailDto>()
            .ForMember(d => d.VisitWeekdays, o => o.MapFrom(s => s.VisitWeekdays.Days))
            .ForMember(d => d.AssociationName, o => o.MapFrom(s => s.Association!.Name))
            .ForMember(d => d.AcceptingBids, o => o.Ignore())
            .ForMember(d => d.BidCount, o => o.Ignore())
            .ForMember(d => d.BidsOpenedAt, o => o.Ignore())
            .ForMember(d => d.Award, o => o.Ignore())
            .ForMember(d => d.Questions, o => o.Ignore())
            .ForMember(d => d.Invited, o => o.Ignore())
            .ForMember(d => d.Invitations, o => o.Ignore())
            .MaxDepth(2);

        CreateMap<Question, QuestionDto>()
            .ForMember(d => d.AskedBy, o => o.Ignore())
            .ForMember(d => d.AskedByUs, o => o.Ignore())
            .MaxDepth(1);
    }
}
