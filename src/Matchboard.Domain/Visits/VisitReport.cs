using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Visits;

/// <summary>
/// 訪問記録: one visit to one household (or one shift), as the visitor found it. Never edited: a mistake is put
/// right by a later report that names this one in <see cref="CorrectsReportId"/>. The note is personal data,
/// erased a year after the contract ends; the report itself stays so that the counts hold.
/// </summary>
public class VisitReport
{
    public const int NoteMaxLength = 500;
    public const int VisitorMaxLength = Household.VisitorMaxLength;

    private VisitReport()
    {
        VisitorName = string.Empty;
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    /// <summary>Null for an unplanned visit (an extra check after a worrying call).</summary>
    public int? PlannedVisitId { get; private set; }

    /// <summary>Null for a shift of work without households.</summary>
    public int? HouseholdId { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    /// <summary>Who visited; kept after erasure (the provider's own staff, not a resident).</summary>
    public string VisitorName { get; private set; }

    public ResidentStatus Status { get; private set; }

    /// <summary>False for work without households: no checklist was asked.</summary>
    public bool HasChecklist { get; private set; }

    public ChecklistAnswer Health { get; private set; }

    public ChecklistAnswer Meals { get; private set; }

    public ChecklistAnswer Sleep { get; private set; }

    public ChecklistAnswer GoingOut { get; private set; }

    public ChecklistAnswer DailyLife { get; private set; }

    public ChecklistAnswer Worries { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>The user who filed it, for the record.</summary>
    public string? FiledByUserId { get; private set; }

    /// <summary>Filed after the planned day (or, unplanned, after the day of the visit), Japan time.</summary>
    public bool IsLate { get; private set; }

    public int? CorrectsReportId { get; private set; }

    public DateTimeOffset? NoteErasedAt { get; private set; }

    public VisitChecklist? Checklist => HasChecklist ? new VisitChecklist(Health, Meals, Sleep, GoingOut, DailyLife, Worries) : null;

    /// <summary>
    /// The provider files a report for a planned visit, or for a household without a plan. Everything that can be
    /// wrong with the input is reported at once; nothing is changed unless the whole report is accepted.
    /// </summary>
    public static VisitReport File(
        Contract contract,
        int organizationId,
        PlannedVisit? visit,
        Household? household,
        VisitReport? corrects,
        VisitReportDraft draft,
        string? filedByUserId,
        DateTimeOffset now)
    {
        if (organizationId != contract.ProviderId)
        {
            throw new DomainException("visit-report.provider-only", DomainErrorKind.RuleViolation);
        }

        VisitRules.EnsureWorkOpen(contract);
        var task = contract.Task ?? throw new InvalidOperationException("Load the contract with its task.");
        // A correction is about the same household and visit as the report it corrects.
        var householdId = household?.Id ?? visit?.HouseholdId ?? corrects?.HouseholdId;
        var checklist = draft.Checklist ?? VisitChecklist.NothingAsked;
        var errors = new Validation()
            .Check(visit is null || visit.ContractId == contract.Id, "plannedVisitId", "not-this-contract")
            .Check(household is null || household.ContractId == contract.Id, "householdId", "not-this-contract")
            .Check(corrects is null || corrects.ContractId == contract.Id, "correctsReportId", "not-this-contract")
            .Check(visit?.HouseholdId is null || household is null || visit.HouseholdId == household.Id, "householdId", "not-this-visit")
            .Check(corrects is null || visit is null || corrects.PlannedVisitId == visit.Id, "correctsReportId", "not-this-visit")
            .Check(!task.HasHouseholds || householdId is not null, "householdId", "required")
            .Check(task.HasHouseholds || household is null, "householdId", "no-households")
            .Check(household is null || household.HasConsent, "householdId", "no-consent")
            .Check(draft.VisitedAt is not null, "visitedAt", "required")
            .Date("visitedAt", draft.VisitedAt)
            .Check(draft.VisitedAt is null || draft.VisitedAt <= now, "visitedAt", "in-the-future")
            .Check(draft.VisitedAt is null || contract.ActivatedAt is null || draft.VisitedAt >= contract.ActivatedAt, "visitedAt", "before-contract")
            .Text("visitorName", draft.VisitorName, VisitorMaxLength, singleLine: true)
            .Check(draft.Status is not null, "status", "required")
            .Check(draft.Status is null || Enum.IsDefined(draft.Status.Value), "status", "unknown-status")
            .Check(checklist.IsValid, "checklist", "unknown-answer")
            .Text("note", draft.Note, NoteMaxLength, required: false)
            .Errors;
        DomainException.ThrowIfAny(errors);
        if (visit is { Status: PlannedVisitStatus.Cancelled })
        {
            throw new DomainException("visit.cancelled");
        }

        var visitedAt = draft.VisitedAt!.Value;
        var report = new VisitReport
        {
            ContractId = contract.Id,
            PlannedVisitId = visit?.Id ?? corrects?.PlannedVisitId,
            HouseholdId = householdId,
            VisitedAt = visitedAt,
            VisitorName = draft.VisitorName!.Trim(),
            Status = draft.Status!.Value,
            HasChecklist = task.HasHouseholds,
            Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim(),
            FiledAt = now,
            FiledByUserId = filedByUserId,
            IsLate = JapanTime.DateOf(now) > (visit?.Date ?? JapanTime.DateOf(visitedAt)),
            CorrectsReportId = corrects?.Id,
        };
        if (task.HasHouseholds)
        {
            (report.Health, report.Meals, report.Sleep, report.GoingOut, report.DailyLife, report.Worries) =
                (checklist.Health, checklist.Meals, checklist.Sleep, checklist.GoingOut, checklist.DailyLife, checklist.Worries);
        }

        visit?.RecordReport(now);
        return report;
    }

    public void EraseNote(DateTimeOffset now)
    {
        if (NoteErasedAt is not null)
        {
            return;
        }

        Note = null;
        NoteErasedAt = now;
    }
}
