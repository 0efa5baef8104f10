namespace Matchboard.Domain;

/// <summary>Kawasaki's seven wards, by the code used in data and URLs.</summary>
public static class Wards
{
    public const string Kawasaki = "kawasaki";
    public const string Saiwai = "saiwai";
    public const string Nakahara = "nakahara";
    public const string Takatsu = "takatsu";
    public const string Miyamae = "miyamae";
    public const string Tama = "tama";
    public const string Asao = "asao";

    public static IReadOnlyList<string> All { get; } = [Kawasaki, Saiwai, Nakahara, Takatsu, Miyamae, Tama, Asao];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
