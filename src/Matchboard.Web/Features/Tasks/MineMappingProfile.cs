using AutoMapper;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Tasks;

/// <summary>The association's own list: the counts become subqueries of the one list query (no query per task).</summary>
public sealed class MineMappingProfile : Profile
{
    public MineMappingProfile()
    {
        CreateMap<CommunityTask, MyTaskDto>()
            .IncludeBase<CommunityTask, TaskSummaryDto>()
            .ForMember(d => d.BidCount, o => o.MapFrom(s => s.Bids.Count(b => BidStatuses.Received.Contains(b.Status))))
            .ForMember(d => d.UnansweredQuestionCount, o => o.MapFrom(s => s.Questions.Count(q => q.Answer == null)))
            .MaxDepth(1);
    }
}
