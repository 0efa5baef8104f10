namespace Matchboard.Web;

/// <summary>Marker for the shared resource files in <c>Resources/Messages*.resx</c> (Japanese is the neutral language).</summary>
public sealed class Messages;
