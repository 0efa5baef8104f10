using System.Net;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>
/// What one cell of the matrix expects: a status, for a redirect where it leads, and whether the request is refused
/// (a refused write must change nothing). A page that refuses a change by showing its form again with the reason
/// answers 200: <see cref="Again"/>.
/// </summary>
public readonly record struct Outcome(int Status, string? Location, bool Refused, string Name)
{
    public static readonly Outcome Ok = new(200, null, false, "200");
    public static readonly Outcome Created = new(201, null, false, "201");
    public static readonly Outcome Accepted = new(202, null, false, "202");
    public static readonly Outcome NoContent = new(204, null, false, "204");
    public static readonly Outcome BadRequest = new(400, null, true, "400");
    public static readonly Outcome Unauthorized = new(401, null, true, "401");
    public static readonly Outcome Forbidden = new(403, null, true, "403");
    public static readonly Outcome NotFound = new(404, null, true, "404");
    public static readonly Outcome Conflict = new(409, null, true, "409");
    public static readonly Outcome Unprocessable = new(422, null, true, "422");

    /// <summary>A page's change done: post/redirect/get to anywhere but the sign-in or an error page.</summary>
    public static readonly Outcome Done = new(302, "*", false, "302 PRG");

    /// <summary>A page refuses a change it understood (a rule of the domain): the form again, with the reason.</summary>
    public static readonly Outcome Again = new(200, null, true, "200 form again");

    /// <summary>A page for members only, asked by nobody: to the sign-in page.</summary>
    public static readonly Outcome SignIn = new(302, "/Accounts/SignIn", true, "302 sign-in");

    public override string ToString() => Name;

    public bool Matches(HttpResponseMessage response)
    {
        if ((int)response.StatusCode != Status)
        {
            return false;
        }

        if (Location is null)
        {
            return response.StatusCode != HttpStatusCode.Redirect;
        }

        var to = response.Headers.Location?.OriginalString ?? string.Empty;
        var path = to.StartsWith('/') ? to : response.Headers.Location is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : to;
        return Location == "*"
            ? !path.StartsWith(SignIn.Location!, StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/Errors/", StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(Location, StringComparison.OrdinalIgnoreCase);
    }
}
