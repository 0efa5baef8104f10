using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// Errors that help: a length error says the limit the rule enforced, the error summary follows the form's order,
/// and a value the binder cannot read is refused in the user's language with the field's label, not in the framework's English.
/// </summary>
public sealed partial class HelpfulErrorsTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Theory]
    [InlineData("ja", "100文字以内で入力してください。")]
    [InlineData("en", "Use at most 100 characters.")]
    public async Task ATooLongTitleIsRefusedWithTheLimitInTheUsersLanguage(string language, string expected)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["title"] = new string('題', TaskDetails.TitleMaxLength + 1);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(request) };
        message.Headers.AcceptLanguage.ParseAdd(language);

        var response = await officer.Http.SendAsync(message);

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Theory]
    [InlineData("ja", "100文字以内で入力してください。")]
    [InlineData("en", "Use at most 100 characters.")]
    public async Task ThePageSaysTheLimitNextToTheFieldAndInTheSummary(string language, string expected)
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer, language);
        var form = TaskForm();
        form["Input.Title"] = new string('題', TaskDetails.TitleMaxLength + 1);

        var html = await PreviewAsync(officer, form);

        Assert.Contains(expected, FieldError(html, "Input_Title"));
        Assert.Contains(expected, string.Join("\n", SummaryItems(html)));
    }

    [Fact]
    public async Task TheSummaryListsTheErrorsInTheOrderOfTheForm()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var form = TaskForm();

        // The domain checks the description before the category; the form asks for the category first.
        form["Input.Title"] = "";
        form["Input.Description"] = "";
        form["Input.Category"] = "";
        form["Input.FeeYen"] = "-1";
        form["Input.Town"] = "";
        var html = await PreviewAsync(officer, form);

        var links = SummaryLinks(html);
        Assert.Equal(["#Input_Title", "#Input_Category", "#Input_Description", "#Input_Town", "#Input_FeeYen"], links);
        Assert.Matches("id=\"error-summary\"[^>]*tabindex=\"-1\"|tabindex=\"-1\"[^>]*id=\"error-summary\"", html);
        Assert.Contains("src=\"/js/error-summary.js", html);
    }

    [Theory]
    [InlineData("ja", "金額（円）に「abc」は使えません。数字で入力してください。")]
    [InlineData("en", "'abc' is not a valid value for Amount (yen). Enter a number.")]
    public async Task AFeeTheBinderCannotReadIsRefusedInTheUsersLanguageWithTheFieldsLabel(string language, string expected)
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer, language);
        var form = TaskForm();
        form["Input.FeeYen"] = "abc";

        var html = await PreviewAsync(officer, form);

        Assert.Equal(expected, FieldError(html, "Input_FeeYen"));
        Assert.DoesNotContain("is not valid for", html);
        Assert.Single(SummaryItems(html));
        Assert.DoesNotContain("id=\"task-publish\"", html); // no preview of a task whose fee was not read
    }

    [Fact]
    public async Task SavingWithANumberTheBinderCannotReadSavesNothing()
    {
        // 「abc」 households would otherwise be saved as none at all.
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var form = TaskForm();
        form["Input.HouseholdsServed"] = "abc";
        form["publish"] = "true";
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await officer.PostFormWithTokenOfAsync("/Tasks/New", "/Tasks/New?handler=Save", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal("対象の世帯数に「abc」は使えません。数字で入力してください。", FieldError(html, "Input_HouseholdsServed"));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Theory]
    [InlineData("ja", "送られた内容を読み取れませんでした。")]
    [InlineData("en", "The request could not be read.")]
    public async Task TheApiRefusesAnUnreadableFeeInTheUsersLanguage(string language, string expected)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        // Not hex, so the problem's trace id can never contain it by chance.
        request["feeYen"] = "many";
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(request) };
        message.Headers.AcceptLanguage.ParseAdd(language);
        using var query = new HttpRequestMessage(HttpMethod.Get, "/api/tasks?page=many");
        query.Headers.AcceptLanguage.ParseAdd(language);

        foreach (var response in new[] { await officer.Http.SendAsync(message), await officer.Http.SendAsync(query) })
        {
            var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "bad-request");
            Assert.Equal(expected, problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("many", problem.ToString());
        }
    }

    private static async Task<string> PreviewAsync(PageClient client, Dictionary<string, string> form)
    {
        var response = await client.PostFormWithTokenOfAsync("/Tasks/New", "/Tasks/New?handler=Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Dictionary<string, string> TaskForm() => Requests.CleanupTaskForm(factory.Clock.GetUtcNow());

    private static string FieldError(string html, string id) =>
        Regex.Match(html, $"<span class=\"field-error[^\"]*\" id=\"{id}-error\"[^>]*>(.*?)</span>", RegexOptions.Singleline).Groups[1].Value.Trim();

    private static string Summary(string html) =>
        Regex.Match(html, "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value;

    private static List<string> SummaryItems(string html) =>
        [.. Regex.Matches(Summary(html), "<li>(.*?)</li>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

    private static List<string> SummaryLinks(string html) =>
        [.. Regex.Matches(Summary(html), "<a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
