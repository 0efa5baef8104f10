using AutoMapper;
using Matchboard.Domain.Contracts;

namespace Matchboard.Web.Features.Contracts;

public sealed class ContractMappingProfile : Profile
{
    public ContractMappingProfile()
    {
        // Contacts, the proposal and the withdrawal right depend on the viewer and the time: the service fills them.
        CreateMap<Contract, ContractDto>()
            .ForMember(d => d.TaskTitle, o => o.MapFrom(s => s.Task!.Title))
            .ForMember(d => d.TaskDescription, o => o.MapFrom(s => s.Task!.Description))
            .ForMember(d => d.TaskCategory, o => o.MapFrom(s => s.Task!.Category))
            .ForMember(d => d.StartDate, o => o.MapFrom(s => s.Task!.StartDate))
            .ForMember(d => d.EndDate, o => o.MapFrom(s => s.Task!.EndDate))
            .ForMember(d => d.TaskVisitsPlanned, o => o.MapFrom(s => s.Task!.VisitsPlanned))
            .ForMember(d => d.HouseholdsServed, o => o.MapFrom(s => s.Task!.HouseholdsServed))
            .ForMember(d => d.AssociationName, o => o.MapFrom(s => s.Association!.Name))
            .ForMember(d => d.ProviderName, o => o.MapFrom(s => s.Provider!.Name))
            .ForMember(d => d.AssociationContact, o => o.Ignore())
            .ForMember(d => d.ProviderContact, o => o.Ignore())
            .ForMember(d => d.Proposal, o => o.Ignore())
            .ForMember(d => d.CanWithdrawAward, o => o.Ignore())
            .MaxDepth(1);
    }
}
