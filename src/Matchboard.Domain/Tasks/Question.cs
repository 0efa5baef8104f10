namespace Matchboard.Domain.Tasks;

/// <summary>A civic group's question on a task; the answer is shared with every group that can see the task.</summary>
public class Question
{
    public const int TextMaxLength = 1000;

    private Question()
    {
        Text = string.Empty;
    }

    internal Question(int taskId, int groupId, string text, DateTimeOffset now)
    {
        TaskId = taskId;
        GroupId = groupId;
        Text = text.Trim();
        AskedAt = now;
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    public int GroupId { get; private set; }

    /// <summary>Read-only navigation for queries; never assigned by the domain.</summary>
    public Organizations.Organization? Group { get; private set; }

    public string Text { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => Answer is not null;

    internal void SetAnswer(string answer, DateTimeOffset now)
    {
        if (IsAnswered)
        {
            throw new DomainException("question.already-answered");
        }

        Answer = answer.Trim();
        AnsweredAt = now;
    }
}
