using Matchboard.Domain;
using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Tasks;

/// <summary>The task form (new and edit pages) as posted: the fields of _TaskFormFields.cshtml.</summary>
public sealed class TaskInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public string? Ward { get; set; }

    public string? Town { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>訪問する曜日: checkboxes; the number of visits follows from them and the period.</summary>
    public List<DayOfWeek> VisitWeekdays { get; set; } = [];

    /// <summary>The visit days the pattern gives from start to end, shown in the preview.</summary>
    public int VisitsPlanned => StartDate is { } start && EndDate is { } end
        ? WeekdaySet.Of(VisitWeekdays).CountBetween(start, end)
        : 0;

    public int? HouseholdsServed { get; set; }

    /// <summary>"fee" or "volunteer".</summary>
    public string? Pay { get; set; }

    public long? FeeYen { get; set; }

    public DateOnly? DeadlineDate { get; set; }

    public TimeOnly? DeadlineTime { get; set; }

    public bool CertificationRequired { get; set; }

    public bool InsuranceRequired { get; set; }

    /// <summary>The form filled in with a task as it stands, for editing.</summary>
    public static TaskInput From(TaskDetailDto task)
    {
        var deadline = task.BidDeadline.ToOffset(JapanTime.Offset);
        return new TaskInput
        {
            Title = task.Title,
            Description = task.Description,
            Category = task.Category,
            Ward = task.Ward,
            Town = task.Town,
            StartDate = task.StartDate,
            EndDate = task.EndDate,
            VisitWeekdays = [.. task.VisitWeekdays],
            HouseholdsServed = task.HouseholdsServed,
            Pay = task.IsVolunteer ? "volunteer" : "fee",
            FeeYen = task.FeeYen,
            DeadlineDate = DateOnly.FromDateTime(deadline.DateTime),
            DeadlineTime = TimeOnly.FromDateTime(deadline.DateTime),
            CertificationRequired = task.CertificationRequired,
            InsuranceRequired = task.InsuranceRequired,
        };
    }

    /// <summary>The body the task service takes; the deadline is the day and time in Japan (17:00 if no time).</summary>
    public T ToRequest<T>()
        where T : TaskRequest, new() => new()
    {
        Title = Title,
        Description = Description,
        Category = Category,
        Ward = Ward,
        Town = Town,
        StartDate = StartDate,
        EndDate = EndDate,
        VisitWeekdays = VisitWeekdays,
        IsVolunteer = Pay == "volunteer",
        FeeYen = FeeYen,
        BidDeadline = DeadlineDate is { } day
            ? JapanTime.At(day.ToDateTime(DeadlineTime ?? new TimeOnly(17, 0)))
            : null,
        CertificationRequired = CertificationRequired,
        InsuranceRequired = InsuranceRequired,
        HouseholdsServed = HouseholdsServed,
    };
}
