using AutoMapper;
using Matchboard.Domain.Bids;

namespace Matchboard.Web.Features.Bids;

public sealed class BidMappingProfile : Profile
{
    public BidMappingProfile()
    {
        CreateMap<Bid, BidDto>()
            .ForMember(d => d.GroupName, o => o.MapFrom(s => s.Group!.Name))
            .ForMember(d => d.GroupLegalForm, o => o.MapFrom(s => s.Group!.LegalForm))
            .ForMember(d => d.GroupVerified, o => o.MapFrom(s => s.Group!.IsVerified))
            .ForMember(d => d.GroupCertification, o => o.MapFrom(s => s.Group!.Certification))
            .ForMember(d => d.GroupActiveContracts, o => o.Ignore())
            .ForMember(d => d.GroupCapacity, o => o.Ignore())
            .ForMember(d => d.GroupAtCapacity, o => o.Ignore())
            .ForMember(d => d.Score, o => o.Ignore())
            .ForMember(d => d.MeetsRequirements, o => o.Ignore())
            .ForMember(d => d.Reasons, o => o.Ignore())
            .ForMember(d => d.Flags, o => o.Ignore())
            .MaxDepth(2);
    }
}
