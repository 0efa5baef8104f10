using System.Text.Json;

namespace Matchboard.Domain.Matching;

/// <summary>
/// The reference data the matching reads besides the rubric's weights: which of Kawasaki's wards share a border, and
/// which categories are related (a partial fit). Kept in <c>seed-data/ward-adjacency.json</c> and
/// <c>seed-data/related-categories.json</c> so that the published rubric and the data are one; loaded in every
/// environment. Both relations are symmetric and never contain the ward or category itself.
/// </summary>
public sealed class MatchReferenceData
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _neighbours;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _related;

    private MatchReferenceData(
        IReadOnlyDictionary<string, IReadOnlySet<string>> neighbours,
        IReadOnlyDictionary<string, IReadOnlySet<string>> related)
    {
        _neighbours = neighbours;
        _related = related;
    }

    /// <summary>The wards sharing a border with <paramref name="ward"/> (none for an unknown code).</summary>
    public IReadOnlySet<string> NeighboursOf(string ward) =>
        _neighbours.TryGetValue(ward, out var set) ? set : EmptySet;

    /// <summary>The categories related to <paramref name="category"/> (none for an unknown code).</summary>
    public IReadOnlySet<string> RelatedTo(string category) =>
        _related.TryGetValue(category, out var set) ? set : EmptySet;

    public bool AreNeighbours(string ward, string other) => NeighboursOf(ward).Contains(other);

    public bool AreRelated(string category, string other) => RelatedTo(category).Contains(other);

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>
    /// Builds the data from adjacency lists and category pairs, refusing anything the matching could not trust:
    /// an unknown ward or category code, a ward listed as its own neighbour, or an adjacency stated one way only.
    /// </summary>
    public static MatchReferenceData Create(
        IReadOnlyDictionary<string, IReadOnlyList<string>> wardNeighbours,
        IEnumerable<(string, string)> relatedCategoryPairs)
    {
        var neighbours = Wards.All.ToDictionary(w => w, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (ward, list) in wardNeighbours)
        {
            Require(Wards.IsKnown(ward), $"unknown ward '{ward}'");
            foreach (var other in list)
            {
                Require(Wards.IsKnown(other), $"unknown ward '{other}' next to '{ward}'");
                Require(other != ward, $"ward '{ward}' listed as its own neighbour");
                neighbours[ward].Add(other);
            }
        }

        foreach (var (ward, set) in neighbours)
        {
            foreach (var other in set)
            {
                Require(neighbours[other].Contains(ward), $"'{ward}' lists '{other}' as a neighbour but not the other way");
            }
        }

        var related = Categories.All.ToDictionary(c => c, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (a, b) in relatedCategoryPairs)
        {
            Require(Categories.IsKnown(a) && Categories.IsKnown(b), $"unknown category in pair '{a}'/'{b}'");
            Require(a != b, $"category '{a}' paired with itself");
            related[a].Add(b);
            related[b].Add(a);
        }

        return new MatchReferenceData(
            neighbours.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value),
            related.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value));
    }

    /// <summary>Reads the two seed-data files' contents (see the files for their shape).</summary>
    public static MatchReferenceData FromJson(string wardAdjacencyJson, string relatedCategoriesJson)
    {
        using var wards = JsonDocument.Parse(wardAdjacencyJson);
        var neighbours = wards.RootElement.GetProperty("wards").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList());

        using var categories = JsonDocument.Parse(relatedCategoriesJson);
        var pairs = categories.RootElement.GetProperty("pairs").EnumerateArray().Select(pair =>
        {
            var items = pair.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
            Require(items.Count == 2, "a related-category pair must have exactly two codes");
            return (items[0], items[1]);
        }).ToList();

        return Create(neighbours, pairs);
    }

    /// <summary>The file names under seed-data/.</summary>
    public const string WardAdjacencyFile = "ward-adjacency.json";

    public const string RelatedCategoriesFile = "related-categories.json";

    /// <summary>Reads both files from a seed-data folder.</summary>
    public static MatchReferenceData Load(string folder) =>
        FromJson(
            File.ReadAllText(Path.Combine(folder, WardAdjacencyFile)),
            File.ReadAllText(Path.Combine(folder, RelatedCategoriesFile)));

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException("Matching reference data: " + problem);
        }
    }
}
