using AutoMapper;
using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.Visits;

public sealed class VisitMappingProfile : Profile
{
    public VisitMappingProfile()
    {
        CreateMap<Household, HouseholdDto>().MaxDepth(1);
        CreateMap<VisitReport, VisitReportDto>().MaxDepth(1);
        CreateMap<PlannedVisit, PlannedVisitDto>()
            .ForMember(d => d.HouseholdLabel, o => o.Ignore())
            .ForMember(d => d.Reports, o => o.Ignore())
            .MaxDepth(1);
    }
}
