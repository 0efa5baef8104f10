using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Organizations;

/// <summary>An association, a civic group, an individual supporter (a one-person organization) or the city office. Users act for exactly one.</summary>
public class Organization
{
    private readonly List<string> _categories = [];
    private readonly List<string> _wardsServed = [];
    private readonly List<CertificationDecision> _certificationHistory = [];

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

    /// <summary>The group's declared activity insurance, if it has declared one (the latest replaces the earlier).</summary>
    public InsuranceDeclaration? Insurance { get; private set; }

    /// <summary>City staff's decisions about the mark, oldest first.</summary>
    public IReadOnlyList<CertificationDecision> CertificationHistory => _certificationHistory;

    public bool IsVerified { get; private set; }

    /// <summary>An individual supporter's own words for when they can help (「平日の午前」); null for other kinds.</summary>
    public string? Availability { get; private set; }

    public const int AvailabilityMaxLength = 500;

    /// <summary>City staff looked and declined to verify; the group stays unable to bid until reconsidered.</summary>
    public bool IsVerificationDeclined { get; private set; }

    /// <summary>City staff suspended a verification they had given (verify again to lift it).</summary>
    public bool IsVerificationSuspended { get; private set; }

    /// <summary>City staff asked for more information; the organization answers by sending a document.</summary>
    public bool IsInformationRequested { get; private set; }

    /// <summary>Where the organization stands with 市による確認, read from the flags above in one place.</summary>
    public VerificationStatus VerificationStatus =>
        IsVerified ? VerificationStatus.Verified
        : IsVerificationSuspended ? VerificationStatus.Suspended
        : IsVerificationDeclined ? VerificationStatus.Declined
        : IsInformationRequested ? VerificationStatus.InformationRequested
        : VerificationStatus.Pending;

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

    /// <summary>
    /// Sets a mark granted before Matchboard kept its history (the demo seed): no decision is recorded.
    /// City staff grant through <see cref="GrantCertification"/>.
    /// </summary>
    public void Certify(Certification certification)
    {
        EnsureCivicGroup();
        if (certification.Expires < certification.Issued)
        {
            throw new DomainException("organization.certification-invalid", DomainErrorKind.RuleViolation);
        }

        Certification = certification;
    }

    /// <summary>The mark's state on a day: <see cref="CertificationState.None"/> without one.</summary>
    public CertificationState CertificationStateOn(DateOnly day) => Certification?.StateOn(day) ?? CertificationState.None;

    /// <summary>
    /// City staff grant the mark. A group with no mark, or whose mark has expired or is suspended, gets a new one
    /// (a suspension ends with it); a mark that still counts is renewed instead, and a revoked one is final.
    /// </summary>
    public void GrantCertification(string? number, DateOnly validFrom, DateOnly validTo, string? note, string decidedBy, DateTimeOffset now)
    {
        EnsureCivicGroup();
        var today = JapanTime.DateOf(now);
        EnsureNotRevoked();
        if (Certification is { } current && (current.StateOn(today) is CertificationState.Valid or CertificationState.ExpiringSoon or CertificationState.NotYetValid))
        {
            throw new DomainException("certification.already-granted");
        }

        ValidateMark(number, validFrom, validTo, note, today);
        Certification = new Certification(number!.Trim(), validFrom, validTo, Clean(note));
        Record(CertificationDecisionKind.Granted, note, decidedBy, now);
    }

    /// <summary>City staff renew the mark: a new last valid day after the current one, perhaps a new number.</summary>
    public void RenewCertification(string? number, DateOnly validTo, string? note, string decidedBy, DateTimeOffset now)
    {
        EnsureCivicGroup();
        var current = Certification ?? throw new DomainException("certification.none");
        EnsureNotRevoked();
        if (current.IsSuspended)
        {
            throw new DomainException("certification.suspended");
        }

        var newNumber = string.IsNullOrWhiteSpace(number) ? current.Number : number;
        var validation = MarkValidation(newNumber, current.Issued, validTo, note, JapanTime.DateOf(now));
        validation.Check(validTo > current.Expires, "validTo", "not-after-current");
        DomainException.ThrowIfAny(validation.Errors);
        current.Renew(newNumber.Trim(), validTo, Clean(note));
        Record(CertificationDecisionKind.Renewed, note, decidedBy, now);
    }

    /// <summary>City staff suspend the mark with a reason: it stops counting at once.</summary>
    public void SuspendCertification(string? reason, string decidedBy, DateTimeOffset now)
    {
        EnsureCivicGroup();
        var current = Certification ?? throw new DomainException("certification.none");
        EnsureNotRevoked();
        if (current.IsSuspended)
        {
            throw new DomainException("certification.already-suspended");
        }

        DomainException.ThrowIfAny(new Validation().Text("reason", reason, 1000).Errors);
        current.Suspend(reason!.Trim(), now);
        Record(CertificationDecisionKind.Suspended, reason, decidedBy, now);
    }

    /// <summary>City staff revoke the mark with a reason: final, it never counts again.</summary>
    public void RevokeCertification(string? reason, string decidedBy, DateTimeOffset now)
    {
        EnsureCivicGroup();
        var current = Certification ?? throw new DomainException("certification.none");
        EnsureNotRevoked();
        DomainException.ThrowIfAny(new Validation().Text("reason", reason, 1000).Errors);
        current.Revoke(reason!.Trim(), now);
        Record(CertificationDecisionKind.Revoked, reason, decidedBy, now);
    }

    /// <summary>Records that the group was told of the coming expiry (<paramref name="days"/> before), so it is told once.</summary>
    public void RecordCertificationExpiryNotice(int days, DateOnly today)
    {
        if (Certification?.ExpiryNoticeDueOn(today) != days)
        {
            throw new DomainException("certification.notice-not-due");
        }

        Certification!.RecordExpiryNotice(days);
    }

    /// <summary>Records that the lapse at expiry was carried out, so that it is carried out once.</summary>
    public void RecordCertificationExpiryLapse(DateOnly today)
    {
        if (Certification?.IsExpiryLapseDueOn(today) != true)
        {
            throw new DomainException("certification.lapse-not-due");
        }

        Certification!.RecordExpiryLapse();
    }

    /// <summary>
    /// The group declares its insurance: insurer, policy number (optional) and the last day of cover, which must not
    /// be in the past. A new declaration replaces the earlier one.
    /// </summary>
    public void DeclareInsurance(string? insurer, string? policyNumber, DateOnly? validUntil, DateTimeOffset now)
    {
        EnsureCivicGroup();
        var today = JapanTime.DateOf(now);
        DomainException.ThrowIfAny(new Validation()
            .Text("insurer", insurer, InsuranceDeclaration.InsurerMaxLength, singleLine: true)
            .Text("policyNumber", policyNumber, InsuranceDeclaration.PolicyNumberMaxLength, required: false, singleLine: true)
            .Check(validUntil is not null, "validUntil", "required")
            .Date("validUntil", validUntil)
            .Check(validUntil is null || validUntil >= today, "validUntil", "before-today")
            .Errors);
        Insurance = new InsuranceDeclaration(insurer!.Trim(), Clean(policyNumber), validUntil!.Value, now);
    }

    /// <summary>
    /// Whether the group is at capacity (<see cref="ContractCapacity.IsReached"/>). It is warned when it bids and the
    /// association sees it on the comparison; it is never refused for it.
    /// </summary>
    public bool IsAtCapacity(int activeContracts) => IsCivicGroup && ContractCapacity.IsReached(activeContracts, Capacity);

    /// <summary>Whether the group's declared insurance covers the day (false without a declaration).</summary>
    public bool IsInsuredOn(DateOnly day) => Standing.IsInsuredOn(day);

    /// <summary>What the bidding and matching rules read of the organization, as values (they are stated on it).</summary>
    public OrganizationStanding Standing => new(Kind, IsVerified, Certification?.Mark, Insurance?.ValidUntil);

    /// <summary>City staff confirm that the organization is who it says it is (also lifts a suspension).</summary>
    public void Verify()
    {
        EnsureVerifiable();
        if (IsVerified)
        {
            throw new DomainException("organization.already-verified");
        }

        IsVerified = true;
        IsVerificationDeclined = false;
        IsVerificationSuspended = false;
        IsInformationRequested = false;
    }

    /// <summary>City staff decline to verify the organization (it stays unverified and off the waiting list).</summary>
    public void DeclineVerification()
    {
        EnsureVerifiable();
        if (IsVerified)
        {
            throw new DomainException("organization.already-verified");
        }

        if (IsVerificationDeclined)
        {
            throw new DomainException("organization.already-declined");
        }

        IsVerificationDeclined = true;
        IsInformationRequested = false;
    }

    /// <summary>Puts a declined organization back on the list waiting for verification.</summary>
    public void ReconsiderVerification()
    {
        EnsureVerifiable();
        if (!IsVerificationDeclined)
        {
            throw new DomainException("organization.not-declined");
        }

        IsVerificationDeclined = false;
    }

    /// <summary>
    /// The one place a decision of city staff is taken and recorded: the transition, its written reason (required
    /// for everything but verifying and reconsidering; the organization reads it) and who decided, when.
    /// </summary>
    public VerificationDecision DecideVerification(VerificationOutcome outcome, string? reason, string decidedByUserId, DateTimeOffset now)
    {
        var reasonRequired = outcome is VerificationOutcome.Declined or VerificationOutcome.InformationRequested or VerificationOutcome.Suspended;
        DomainException.ThrowIfAny(new Validation()
            .Text("reason", reason, VerificationDecision.ReasonMaxLength, required: reasonRequired).Errors);
        switch (outcome)
        {
            case VerificationOutcome.Verified:
                Verify();
                break;
            case VerificationOutcome.Declined:
                DeclineVerification();
                break;
            case VerificationOutcome.InformationRequested:
                RequestVerificationInformation();
                break;
            case VerificationOutcome.Suspended:
                SuspendVerification();
                break;
            case VerificationOutcome.Reconsidered:
                ReconsiderVerification();
                break;
            default:
                throw new DomainException("verification.outcome-invalid", DomainErrorKind.RuleViolation);
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return new VerificationDecision(Id, outcome, text, decidedByUserId, now);
    }

    /// <summary>The organization sent what city staff asked for (a document): it waits in the queue again.</summary>
    public void ProvideVerificationInformation() => IsInformationRequested = false;

    private void RequestVerificationInformation()
    {
        EnsureVerifiable();
        if (IsVerified)
        {
            throw new DomainException("organization.already-verified");
        }

        if (IsVerificationDeclined || IsVerificationSuspended)
        {
            throw new DomainException("organization.not-waiting");
        }

        IsInformationRequested = true;
    }

    /// <summary>A verified organization loses its verification until city staff verify it again: it can no longer ask or bid.</summary>
    private void SuspendVerification()
    {
        EnsureVerifiable();
        if (!IsVerified)
        {
            throw new DomainException("organization.not-verified");
        }

        IsVerified = false;
        IsVerificationSuspended = true;
    }

    public bool HasValidCertificationOn(DateOnly day) => Standing.HasValidCertificationOn(day);

    private static void ValidateMark(string? number, DateOnly validFrom, DateOnly validTo, string? note, DateOnly today) =>
        DomainException.ThrowIfAny(MarkValidation(number, validFrom, validTo, note, today).Errors);

    private static Validation MarkValidation(string? number, DateOnly validFrom, DateOnly validTo, string? note, DateOnly today) =>
        new Validation()
            .Text("number", number, 60, singleLine: true)
            .Text("note", note, 1000, required: false)
            .Date("validFrom", validFrom)
            .Date("validTo", validTo)
            .Check(validTo >= validFrom, "validTo", "before-valid-from")
            .Check(validTo >= today, "validTo", "before-today");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void EnsureNotRevoked()
    {
        if (Certification?.IsRevoked == true)
        {
            throw new DomainException("certification.revoked");
        }
    }

    private void Record(CertificationDecisionKind kind, string? reason, string decidedBy, DateTimeOffset now) =>
        _certificationHistory.Add(new CertificationDecision(kind, Certification!, Clean(reason), decidedBy, now));

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

    private void EnsureVerifiable()
    {
        // The city office is the verifier; every other kind (association, group, supporter) is verified by it.
        if (Kind == OrganizationKind.CityOffice)
        {
            throw new DomainException("organization.not-verifiable", DomainErrorKind.RuleViolation);
        }
    }

    private void EnsureCivicGroup()
    {
        if (!IsCivicGroup)
        {
            throw new DomainException("organization.not-civic-group", DomainErrorKind.RuleViolation);
        }
    }
}
