namespace Matchboard.Domain.Organizations;

public enum OrganizationKind
{
    Association,
    CivicGroup,
    CityOffice,

    /// <summary>An individual supporter (個人サポーター): a one-person organization, so that every user acts for one.</summary>
    Supporter,
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
