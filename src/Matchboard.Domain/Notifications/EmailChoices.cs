namespace Matchboard.Domain.Notifications;

/// <summary>
/// Which notification types a person also wants by email. Urgent notifications are mailed to everyone of the
/// organization whatever they chose, so this only concerns the others.
/// </summary>
public static class EmailChoices
{
    private static readonly Dictionary<string, NotificationType> ByName =
        Enum.GetValues<NotificationType>().ToDictionary(t => t.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The chosen types from their names (exact enum names, as the API and the page send them), without
    /// repeats and in a stable order. An unknown name refuses the whole choice, so nothing half-applies.
    /// </summary>
    public static IReadOnlyList<NotificationType> Parse(IEnumerable<string?>? names)
    {
        var validation = new Validation();
        validation.Check(names is not null, "types", "required");
        var chosen = new List<NotificationType>();
        foreach (var name in names ?? [])
        {
            if (name is not null && ByName.TryGetValue(name, out var type))
            {
                chosen.Add(type);
            }
            else
            {
                validation.Check(false, "types", "unknown-notification-type");
            }
        }

        DomainException.ThrowIfAny(validation.Errors);
        return chosen.Distinct().Order().ToList();
    }
}
