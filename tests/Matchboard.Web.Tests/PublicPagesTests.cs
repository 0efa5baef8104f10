using System.Net;
using System.Text.RegularExpressions;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Matchboard.Web.Tests;

/// <summary>The pages a public service needs: privacy, terms, contact, about — open to anyone, in both languages, linked from every footer.</summary>
public sealed partial class PublicPagesTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/Privacy", "ja", "個人情報の取扱い" },
        { "/Privacy", "en", "Privacy" },
        { "/Terms", "ja", "利用規約" },
        { "/Terms", "en", "Terms of use" },
        { "/Contact", "ja", "お問い合わせ" },
        { "/Contact", "en", "Contact us" },
        { "/About", "ja", "このサイトについて" },
        { "/About", "en", "About this site" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachPublicPageOpensForAnAnonymousVisitorInItsLanguage(string path, string language, string heading)
    {
        var client = await PageClient.CreateAsync(factory, language: language);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.Contains($"<h1>{heading}</h1>", html);
    }

    [Theory]
    [InlineData("/Privacy")]
    [InlineData("/Terms")]
    [InlineData("/Contact")]
    [InlineData("/About")]
    public async Task TheJapaneseAndEnglishTextsHaveTheSameSections(string path)
    {
        var japanese = await (await PageClient.CreateAsync(factory, language: "ja")).Http.GetStringAsync(path);
        var english = await (await PageClient.CreateAsync(factory, language: "en")).Http.GetStringAsync(path);

        Assert.Equal(SectionIds(japanese), SectionIds(english));
        Assert.NotEmpty(SectionIds(japanese));
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/Tasks", null)]
    [InlineData("/Privacy", null)]
    [InlineData("/", DemoAccounts.KizukiOfficer)]
    public async Task EveryFooterLinksTheFourPublicPages(string path, string? email)
    {
        var client = await PageClient.CreateAsync(factory, email);

        var html = await client.Http.GetStringAsync(path);

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("href=\"/Privacy\"", footer);
        Assert.Contains("href=\"/Terms\"", footer);
        Assert.Contains("href=\"/Contact\"", footer);
        Assert.Contains("href=\"/About\"", footer);
    }

    [Fact]
    public async Task ThePrivacyPageStatesTheErasurePeriodTheCodeEnforces()
    {
        var years = VisitRules.PersonalDataKeptForYears;
        var now = factory.Clock.GetUtcNow();

        var japanese = await (await PageClient.CreateAsync(factory, language: "ja")).Http.GetStringAsync("/Privacy");
        var english = await (await PageClient.CreateAsync(factory, language: "en")).Http.GetStringAsync("/Privacy");

        // The rule the erasure sweep applies is the constant the page renders.
        Assert.Equal(now.AddYears(-years), VisitRules.ErasureCutoff(now));
        Assert.Equal($"{years}年", Stated(japanese, "erasure-period"));
        Assert.Equal(years == 1 ? "1 year" : $"{years} years", Stated(english, "erasure-period"));
        Assert.Equal($"{Contract.ReviewsSealedFor.TotalDays}日", Stated(japanese, "reviews-sealed-days"));
        Assert.Equal($"{VisitRules.DefaultAcknowledgeWithin.TotalMinutes}分", Stated(japanese, "escalation-minutes"));
    }

    [Fact]
    public async Task TheContactPageShowsTheExampleOfficeAndSaysItIsAnExample()
    {
        var html = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync("/Contact");

        Assert.Contains("川崎市 市民文化局 地域活動推進課", html);
        Assert.Contains("href=\"tel:0442000000\"", html);
        Assert.Contains("mailto:matchboard@city.kawasaki.example.jp", html);
        Assert.Contains("id=\"contact-example\"", html);
    }

    [Fact]
    public async Task ADeploymentSetsItsOwnContactAndTheExampleNoticeGoes()
    {
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("Matchboard:Contact:Phone", "044-111-2222")
            .UseSetting("Matchboard:Contact:Email", "office@city.test"));

        var html = await configured.CreateClient().GetStringAsync("/Contact");

        Assert.Contains("044-111-2222", html);
        Assert.Contains("mailto:office@city.test", html);
        Assert.DoesNotContain("id=\"contact-example\"", html);
    }

    [Fact]
    public async Task TheSignInPageSendsAForgottenPasswordToTheCityOffice()
    {
        var html = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync("/Accounts/SignIn");

        Assert.Contains("href=\"/Contact#contact-password\"", html);
    }

    private static string Stated(string html, string id) =>
        Regex.Match(html, $"id=\"{id}\">([^<]+)<").Groups[1].Value;

    private static List<string> SectionIds(string html) =>
        [.. SectionIdPattern().Matches(html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<h2 id=\"([a-z-]+)\"")]
    private static partial Regex SectionIdPattern();
}
