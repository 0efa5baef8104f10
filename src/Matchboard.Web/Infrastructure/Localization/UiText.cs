namespace Matchboard.Web;

/// <summary>Marker for the screen texts in <c>Resources/UiText*.resx</c> (Japanese is the neutral language).</summary>
public sealed class UiText;
