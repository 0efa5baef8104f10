using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Visits;

/// <summary>
/// 見守り先（世帯）: one household a watch-over contract covers, under a label the association chooses.
/// The label is personal data: only the two parties see it, and it is erased a year after the contract ends.
/// </summary>
public class Household
{
    public const int LabelMaxLength = 60;
    public const int VisitorMaxLength = 40;

    private Household()
    {
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    /// <summary>e.g. 「A-03 木月三丁目」; null once erased.</summary>
    public string? Label { get; private set; }

    public DateOnly? ConsentDate { get; private set; }

    public ConsentMethod? ConsentMethod { get; private set; }

    /// <summary>The provider's visitor for this household (訪問する人).</summary>
    public string? VisitorName { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public bool HasConsent => ConsentDate is not null;

    /// <summary>The association registers a household of its own contract, before or during the work.</summary>
    public static Household Register(Contract contract, int organizationId, string label, DateTimeOffset now)
    {
        VisitRules.EnsureAssociation(contract, organizationId);
        VisitRules.EnsureHouseholdsAccepted(contract);
        DomainException.ThrowIfAny(new Validation().Text("label", label, LabelMaxLength, singleLine: true).Errors);
        return new Household { ContractId = contract.Id, Label = label.Trim(), RegisteredAt = now };
    }

    /// <summary>
    /// The association records consent: the day and how it was given. Visits are planned only from that day on,
    /// so a consent dated in the future is refused.
    /// </summary>
    public void RecordConsent(Contract contract, int organizationId, DateOnly? date, ConsentMethod? method, DateTimeOffset now)
    {
        VisitRules.EnsureAssociation(contract, organizationId);
        VisitRules.EnsureHouseholdsAccepted(contract);
        DomainException.ThrowIfAny(new Validation()
            .Check(date is not null, "consentDate", "required")
            .Date("consentDate", date)
            .Check(date is null || date <= JapanTime.DateOf(now), "consentDate", "in-the-future")
            .Check(method is not null && Enum.IsDefined(method.Value), "consentMethod", "unknown-consent-method")
            .Errors);
        if (HasConsent)
        {
            throw new DomainException("household.consent-already-recorded");
        }

        ConsentDate = date;
        ConsentMethod = method;
    }

    /// <summary>The provider names who visits this household.</summary>
    public void AssignVisitor(Contract contract, int organizationId, string visitorName)
    {
        if (organizationId != contract.ProviderId)
        {
            throw new DomainException("household.provider-only", DomainErrorKind.RuleViolation);
        }

        DomainException.ThrowIfAny(new Validation().Text("visitorName", visitorName, VisitorMaxLength, singleLine: true).Errors);
        VisitorName = visitorName.Trim();
    }

    /// <summary>Personal data goes; the row stays so that counts of visits and reports still add up.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (ErasedAt is not null)
        {
            return;
        }

        Label = null;
        VisitorName = null;
        ErasedAt = now;
    }
}
