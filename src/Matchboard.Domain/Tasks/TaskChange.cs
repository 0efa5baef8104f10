namespace Matchboard.Domain.Tasks;

/// <summary>
/// One field of a published task changed by one edit: a line of the task's public history (変更の記録).
/// The lines of one edit share its <see cref="Revision"/>. Values are stored as invariant text in the
/// API's own format (see <see cref="TaskFields"/>), so the history reads the same in every language.
/// </summary>
public class TaskChange
{
    public const int ValueMaxLength = TaskDetails.DescriptionMaxLength;

    private TaskChange()
    {
        Field = OldValue = NewValue = string.Empty;
    }

    internal TaskChange(int taskId, int revision, string field, string oldValue, string newValue, bool changesTerms, DateTimeOffset now)
    {
        TaskId = taskId;
        Revision = revision;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        ChangesTerms = changesTerms;
        ChangedAt = now;
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    /// <summary>Which edit since publishing: 1 for the first.</summary>
    public int Revision { get; private set; }

    /// <summary>The field's name as the API spells it, e.g. <c>feeYen</c>.</summary>
    public string Field { get; private set; }

    public string OldValue { get; private set; }

    public string NewValue { get; private set; }

    /// <summary>A change to dates, fee or requirements: bids made before it are for the earlier terms.</summary>
    public bool ChangesTerms { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }
}
