namespace Matchboard.Domain.Organizations;

public enum OrganizationKind
{
    Association,
    CivicGroup,
    CityOffice,
}

public enum LegalForm
{
    VoluntaryGroup,
    NpoCorporation,
    GeneralIncorporatedAssociation,
    Company,
    Other,
}

public enum ActivityStyle
{
    Volunteer,
    SocialBusiness,
}
