using AutoMapper;
using Matchboard.Domain.Contracts;

namespace Matchboard.Web.Features.Contracts;

public sealed class ContractMappingProfile : Profile
{
    public ContractMappingProfile()
    {
        CreateMap<Contract, ContractDto>()
            .ForMember(d => d.TaskTitle, o => o.MapFrom(s => s.Task!.Title))
            .ForMember(d => d.AssociationName, o => o.MapFrom(s => s.Association!.Name))
            .ForMember(d => d.ProviderName, o => o.MapFrom(s => s.Provider!.Name))
            .MaxDepth(1);
    }
}
