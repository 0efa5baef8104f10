namespace Matchboard.Domain.Organizations;

/// <summary>An association, a civic group, an individual supporter (a one-person organization) or the city office. Users act for exactly one.</summary>
public class Organization
{
    private readonly List<string> _categories = [];
    private readonly List<string> _wardsServed = [];

    private Organization()
    {
        Name = string.Empty;
        Ward = string.Empty;
        Town = string.Empty;
    }

    public int Id { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public string Name { get; private set; }

    public string Ward { get; private set; }

    public string Town { get; private set; }

    public string? Description { get; private set; }

    public LegalForm? LegalForm { get; private set; }

    public ActivityStyle? ActivityStyle { get; private set; }

    public IReadOnlyList<string> Categories => _categories;

    public IReadOnlyList<string> WardsServed => _wardsServed;

    /// <summary>How many active contracts a civic group can take at once.</summary>
    public int Capacity { get; private set; }

    public Certification? Certification { get; private set; }

    public bool IsVerified { get; private set; }

    /// <summary>An individual supporter's own words for when they can help (「平日の午前」); null for other kinds.</summary>
    public string? Availability { get; private set; }

    public const int AvailabilityMaxLength = 500;

    /// <summary>City staff looked and declined to verify; the group stays unable to bid until reconsidered.</summary>
    public bool IsVerificationDeclined { get; private set; }

    public bool IsCivicGroup => Kind == OrganizationKind.CivicGroup;

    public bool IsSupporter => Kind == OrganizationKind.Supporter;

    /// <summary>An association already known to the city (the seed): verified from the start.</summary>
    public static Organization CreateAssociation(string name, string ward, string town, string? description = null)
        => Create(OrganizationKind.Association, name, ward, town, description, isVerified: true);

    /// <summary>An association that signed up itself: unverified until city staff look (every kind made by sign-up starts so).</summary>
    public static Organization RegisterAssociation(string name, string ward, string town)
        => Create(OrganizationKind.Association, name, ward, town, null, isVerified: false);

    /// <summary>
    /// An individual supporter: a one-person organization (name, ward, what they can help with, when), unverified
    /// until city staff look. Town is not asked: only the ward is ever shown.
    /// </summary>
    public static Organization CreateSupporter(string name, string ward, IEnumerable<string> categories, string? availability)
    {
        var categoryList = categories.Distinct().ToList();
        if (categoryList.Count == 0 || !categoryList.All(Domain.Categories.IsKnown))
        {
            throw new DomainException("organization.categories-invalid", DomainErrorKind.RuleViolation);
        }

        var text = string.IsNullOrWhiteSpace(availability) ? null : availability.Trim();
        if (text?.Length > AvailabilityMaxLength)
        {
            throw new DomainException("organization.availability-too-long", DomainErrorKind.RuleViolation);
        }

        var supporter = Create(OrganizationKind.Supporter, name, ward, string.Empty, null, isVerified: false);
        supporter._categories.AddRange(categoryList);
        supporter.Availability = text;
        return supporter;
    }

    public static Organization CreateCityOffice(string name, string ward, string town)
        => Create(OrganizationKind.CityOffice, name, ward, town, null, isVerified: true);

    public static Organization CreateCivicGroup(
        string name,
        string ward,
        string town,
        LegalForm legalForm,
        ActivityStyle activityStyle,
        IEnumerable<string> categories,
        IEnumerable<string> wardsServed,
        int capacity,
        string? description = null)
    {
        var group = Create(OrganizationKind.CivicGroup, name, ward, town, description, isVerified: false);
        group.LegalForm = legalForm;
        group.ActivityStyle = activityStyle;
        group.UpdateService(categories, wardsServed, capacity);
        return group;
    }

    /// <summary>What a civic group does, where, and how much it can take on.</summary>
    public void UpdateService(IEnumerable<string> categories, IEnumerable<string> wardsServed, int capacity)
    {
        EnsureCivicGroup();
        var categoryList = categories.Distinct().ToList();
        var wardList = wardsServed.Distinct().ToList();
        if (categoryList.Count == 0 || !categoryList.All(Domain.Categories.IsKnown))
        {
            throw new DomainException("organization.categories-invalid", DomainErrorKind.RuleViolation);
        }

        if (wardList.Count == 0 || !wardList.All(Wards.IsKnown))
        {
            throw new DomainException("organization.wards-invalid", DomainErrorKind.RuleViolation);
        }

        if (capacity < 1)
        {
            throw new DomainException("organization.capacity-invalid", DomainErrorKind.RuleViolation);
        }

        _categories.Clear();
        _categories.AddRange(categoryList);
        _wardsServed.Clear();
        _wardsServed.AddRange(wardList);
        Capacity = capacity;
    }

    public void Certify(Certification certification)
    {
        EnsureCivicGroup();
        if (certification.Expires < certification.Issued)
        {
            throw new DomainException("organization.certification-invalid", DomainErrorKind.RuleViolation);
        }

        Certification = certification;
    }

    /// <summary>City staff confirm that the group, or the individual supporter (a lighter check), is who it says it is.</summary>
    public void Verify()
    {
        if (!IsCivicGroup && !IsSupporter)
        {
            throw new DomainException("organization.not-civic-group", DomainErrorKind.RuleViolation);
        }

        if (IsVerified)
        {
            throw new DomainException("organization.already-verified");
        }

        IsVerified = true;
        IsVerificationDeclined = false;
    }

    /// <summary>City staff decline to verify the group (it stays unverified and off the waiting list).</summary>
    public void DeclineVerification()
    {
        EnsureCivicGroup();
        if (IsVerified)
        {
            throw new DomainException("organization.already-verified");
        }

        if (IsVerificationDeclined)
        {
            throw new DomainException("organization.already-declined");
        }

        IsVerificationDeclined = true;
    }

    /// <summary>Puts a declined group back on the list waiting for verification.</summary>
    public void ReconsiderVerification()
    {
        EnsureCivicGroup();
        if (!IsVerificationDeclined)
        {
            throw new DomainException("organization.not-declined");
        }

        IsVerificationDeclined = false;
    }

    public bool HasValidCertificationOn(DateOnly day) => Certification?.IsValidOn(day) == true;

    private static Organization Create(
        OrganizationKind kind, string name, string ward, string town, string? description, bool isVerified)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("organization.name-required", DomainErrorKind.RuleViolation);
        }

        if (!Wards.IsKnown(ward))
        {
            throw new DomainException("organization.ward-invalid", DomainErrorKind.RuleViolation);
        }

        return new Organization
        {
            Kind = kind,
            Name = name.Trim(),
            Ward = ward,
            Town = town.Trim(),
            Description = description,
            IsVerified = isVerified,
        };
    }

    private void EnsureCivicGroup()
    {
        if (!IsCivicGroup)
        {
            throw new DomainException("organization.not-civic-group", DomainErrorKind.RuleViolation);
        }
    }
}
