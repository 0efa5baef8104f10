namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>What a row calls: the path with its route values filled, and the body (JSON for the API, form fields for pages).</summary>
public sealed record MatrixTarget(
    string Path, Func<Role, object?>? Json = null, Func<Role, Dictionary<string, string>>? Form = null, Func<Role, HttpContent>? Content = null)
{
    public static MatrixTarget To(string path) => new(path);

    public MatrixTarget WithJson(object body) => this with { Json = _ => body };

    /// <summary>A body that is neither JSON nor a page's form (a file upload), made afresh for each cell.</summary>
    public MatrixTarget WithContent(Func<HttpContent> content) => this with { Content = _ => content() };

    public MatrixTarget WithForm(Dictionary<string, string> fields) => this with { Form = _ => new Dictionary<string, string>(fields) };
}

/// <summary>
/// One endpoint of the app and what each role must get from it. <paramref name="Arrange"/> runs once for the row
/// (or once per cell with <paramref name="FreshPerCell"/>, when two roles may each do something only once);
/// <paramref name="OwnClient"/> signs in a throwaway client per cell, for the sign-in and sign-out forms.
/// </summary>
public sealed record MatrixRow(
    string Endpoint, Stage Stage, Func<MatrixWorld, Task<MatrixTarget>> Arrange, Cells Cells, bool FreshPerCell = false, bool OwnClient = false);
