using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Visits;

/// <summary>
/// 訪問の予定表: planned visits from the task's weekday pattern, never on a day already past. A watch-over
/// household gets its visits from its consent on; a household without consent gets none.
/// </summary>
public static class VisitSchedule
{
    /// <summary>The schedule when the contract becomes Active: shifts, or each consented household's visits.</summary>
    public static IReadOnlyList<PlannedVisit> OnActivation(Contract contract, IEnumerable<Household> households, DateTimeOffset now)
    {
        var task = contract.Task ?? throw new InvalidOperationException("Load the contract with its task.");
        if (contract.Status != ContractStatus.Active)
        {
            throw new DomainException("contract.work-not-open");
        }

        if (!task.HasHouseholds)
        {
            return Days(contract, now, from: null).Select(day => PlannedVisit.For(contract.Id, null, day)).ToList();
        }

        return households.Where(h => h.ContractId == contract.Id)
            .SelectMany(h => ForHousehold(contract, h, now))
            .ToList();
    }

    /// <summary>
    /// A household's visits once it has consent and the work is under way; before activation, or without consent,
    /// none (activation plans them).
    /// </summary>
    public static IReadOnlyList<PlannedVisit> ForHousehold(Contract contract, Household household, DateTimeOffset now)
    {
        if (!contract.IsWorkOpen || household.ConsentDate is not { } consent || household.ContractId != contract.Id)
        {
            return [];
        }

        return Days(contract, now, consent).Select(day => PlannedVisit.For(contract.Id, household.Id, day)).ToList();
    }

    private static IEnumerable<DateOnly> Days(Contract contract, DateTimeOffset now, DateOnly? from)
    {
        var task = contract.Task!;
        var start = new[] { task.StartDate, JapanTime.DateOf(now), from ?? DateOnly.MinValue }.Max();
        return task.VisitWeekdays.DatesBetween(start, task.EndDate);
    }
}
