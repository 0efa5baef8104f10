namespace Matchboard.Web.Infrastructure.Documents;

/// <summary>
/// The folder <c>Matchboard:Documents</c> (default <c>data/documents</c> under the content root, never under wwwroot)
/// where verification documents are kept, each under a random name the database knows. Nothing here is served
/// by the static files: a document reaches a browser only through the endpoint that checks who asks.
/// </summary>
public sealed class DocumentFolder(string path)
{
    public string Path { get; } = path;

    public static DocumentFolder From(IConfiguration configuration, string contentRoot) =>
        new(System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, configuration["Matchboard:Documents"] ?? "data/documents")));

    /// <summary>A fresh random name for a new document (letters and digits only: nothing the sender chose).</summary>
    public static string NewName() => Guid.NewGuid().ToString("N");

    /// <summary>Writes the file under its name; a half-written file is removed.</summary>
    public async Task SaveAsync(string name, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path);
        var target = FullPath(name);
        try
        {
            await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            Delete(name);
            throw;
        }
    }

    public Stream OpenRead(string name) => new FileStream(FullPath(name), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string name)
    {
        try
        {
            File.Delete(FullPath(name));
        }
        catch (IOException)
        {
            // Best effort: an orphan file is harmless (unreachable without its row).
        }
    }

    private string FullPath(string name)
    {
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A document's stored name is letters and digits.", nameof(name));
        }

        return System.IO.Path.Combine(Path, name);
    }
}
