using AutoMapper;
using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Organizations;

public sealed class OrganizationMappingProfile : Profile
{
    public OrganizationMappingProfile()
    {
        CreateMap<Certification, CertificationDto>()
            .ForMember(d => d.IsSuspended, o => o.MapFrom(s => s.SuspendedAt != null))
            .ForMember(d => d.IsRevoked, o => o.MapFrom(s => s.RevokedAt != null))
            .MaxDepth(1);
        CreateMap<Organization, OrganizationDto>()
            .ForMember(d => d.Verified, o => o.MapFrom(s => s.IsVerified))
            .MaxDepth(2);
    }
}
