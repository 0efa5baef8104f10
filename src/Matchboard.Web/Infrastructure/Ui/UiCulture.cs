using System.Globalization;

namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>
/// Writes something in a fixed language whatever the language of the request that caused it: mail, and the words
/// stored with a notification that every member of an organization reads (some in Japanese, some in English).
/// </summary>
public static class UiCulture
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static T In<T>(CultureInfo culture, Func<T> write)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture0, uiCulture0);
        }
    }
}
