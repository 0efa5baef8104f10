using AutoMapper;
using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Verification;

public sealed class VerificationMappingProfile : Profile
{
    public VerificationMappingProfile()
    {
        CreateMap<OrganizationDocument, DocumentDto>().MaxDepth(1);
        CreateMap<VerificationDecision, DecisionDto>()
            .ForMember(d => d.DecidedBy, o => o.Ignore())
            .MaxDepth(1);
    }
}
