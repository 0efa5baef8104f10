namespace Matchboard.Domain.Visits;

/// <summary>
/// 確認したこと: the fixed watch-over checklist (体調 · 食事 · 睡眠 · 外出 · 暮らしの困りごと · 心配ごと),
/// modelled on the sheets Japanese watch-over services use. An item not asked is said so, never left blank.
/// </summary>
public sealed record VisitChecklist(
    ChecklistAnswer Health = ChecklistAnswer.NotAsked,
    ChecklistAnswer Meals = ChecklistAnswer.NotAsked,
    ChecklistAnswer Sleep = ChecklistAnswer.NotAsked,
    ChecklistAnswer GoingOut = ChecklistAnswer.NotAsked,
    ChecklistAnswer DailyLife = ChecklistAnswer.NotAsked,
    ChecklistAnswer Worries = ChecklistAnswer.NotAsked)
{
    public static VisitChecklist NothingAsked { get; } = new();

    /// <summary>The items in screen order with their codes, for forms and lists.</summary>
    public IReadOnlyList<(string Item, ChecklistAnswer Answer)> Items =>
    [
        ("health", Health), ("meals", Meals), ("sleep", Sleep),
        ("goingOut", GoingOut), ("dailyLife", DailyLife), ("worries", Worries),
    ];

    public bool IsValid => Items.All(i => Enum.IsDefined(i.Answer));
}
