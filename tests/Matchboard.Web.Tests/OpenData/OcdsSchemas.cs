using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Matchboard.Web.Tests.OpenData;

/// <summary>
/// The official OCDS 1.1.5 release package schema, its release schema with the bids extension merged in (RFC 7386
/// JSON Merge Patch, as the extension is written), read by NJsonSchema as draft-04. The release schema is registered
/// under its web address, which the package schema refers to, so nothing is fetched.
/// </summary>
public static class OcdsSchemas
{
    public const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private static readonly Lazy<Task<JsonSchema>> Package = new(LoadAsync);

    public static async Task<ICollection<ValidationError>> ValidateAsync(string packageJson) =>
        (await Package.Value).Validate(packageJson);

    /// <summary>RFC 7386: objects merge member by member, null removes a member, anything else replaces the target.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var merged = MergePatch(result[name], value);
                result[name] = merged;
            }
        }

        return result;
    }

    private static async Task<JsonSchema> LoadAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");
        var core = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "release-schema.json")));
        var extension = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "bid-extension-release-schema.json")));
        var release = await JsonSchema.FromJsonAsync(MergePatch(core, extension)!.ToJsonString(), ReleaseSchemaUrl);
        return await JsonSchema.FromJsonAsync(
            await File.ReadAllTextAsync(Path.Combine(directory, "release-package-schema.json")),
            Path.Combine(directory, "release-package-schema.json"),
            schema =>
            {
                var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
                resolver.AddDocumentReference(ReleaseSchemaUrl, release);
                return resolver;
            });
    }
}
