namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>
/// A page whose error summary lists its field errors in the order the form asks for the fields (ModelState keys,
/// e.g. <c>Input.Title</c>), not in the order the rules happened to run: an officer reading the summary top to
/// bottom then meets the errors as they scroll down the form.
/// </summary>
public interface IFormFieldOrder
{
    IReadOnlyList<string> FieldOrder { get; }
}
