using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A write the database refuses is read by the kind of constraint it broke, on the provider this run uses
/// (tests/run.sh runs this class on SQLite and on PostgreSQL), and answered by kind: a duplicate or a row
/// removed meanwhile is a 409, a NOT NULL or CHECK rule our own code broke a 422 — never a 500, never a write.
/// </summary>
public sealed class ConstraintViolationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ASecondRowWithTheSameUniqueKeyIsADuplicateAnswered409()
    {
        var name = $"重複テスト町内会 {Guid.NewGuid():N}";
        await SaveAsync(db => db.Organizations.Add(Organization.CreateAssociation(name, "nakahara", "木月")));

        var failure = await SaveFailsAsync(db => db.Organizations.Add(Organization.CreateAssociation(name, "nakahara", "木月")));

        Assert.Equal(ConstraintKind.Unique, Classify(failure));
        await AssertAnswerAsync(failure, 409, "duplicate", "同じ内容がすでに登録されています。", "This has already been registered.");
    }

    [Fact]
    public async Task ARowReferringToOneThatIsGoneIsAForeignKeyViolationAnswered409()
    {
        var failure = await SaveFailsAsync(db => db.UserRoles.Add(new IdentityUserRole<string>
        {
            UserId = "removed-meanwhile",
            RoleId = "removed-meanwhile",
        }));

        Assert.Equal(ConstraintKind.ForeignKey, Classify(failure));
        await AssertAnswerAsync(failure, 409, "reference-gone", "関係する情報が、その間に削除されました", "Something this refers to was removed in the meantime");
    }

    [Fact]
    public async Task ARequiredColumnLeftEmptyIsANotNullViolationAnswered422()
    {
        var failure = await SaveFailsAsync(db =>
        {
            var organization = Organization.CreateAssociation($"名前を消す町内会 {Guid.NewGuid():N}", "nakahara", "木月");
            // Only a bug in our code could do this; the domain never leaves a name empty.
            typeof(Organization).GetProperty(nameof(Organization.Name))!.SetValue(organization, null);
            db.Organizations.Add(organization);
        });

        Assert.Equal(ConstraintKind.NotNull, Classify(failure));
        await AssertAnswerAsync(failure, 422, "not-saved", "この内容は保存できませんでした", "This could not be saved");
    }

    [Fact]
    public async Task ABrokenCheckConstraintIsACheckViolationAnswered422()
    {
        // The model has no CHECK constraint of its own yet, so the probe makes one on the same database.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE check_probe (amount INTEGER CHECK (amount > 0))");

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO check_probe (amount) VALUES (-1)"));
        var failure = new DbUpdateException("An error occurred while saving the entity changes.", error);

        Assert.Equal(ConstraintKind.Check, Classify(failure));
        await AssertAnswerAsync(failure, 422, "not-saved", "この内容は保存できませんでした", "This could not be saved");
    }

    [Fact]
    public async Task AFailureThatIsNoConstraintIsLeftAlone()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table"));

        Assert.Null(Classify(new DbUpdateException("not a constraint", error)));
    }

    private ConstraintKind? Classify(DbUpdateException failure) =>
        factory.Services.GetRequiredService<IConstraintViolations>().Classify(failure);

    private async Task SaveAsync(Action<MatchboardDbContext> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The refused save, asserting that it wrote nothing anywhere.</summary>
    private async Task<DbUpdateException> SaveFailsAsync(Action<MatchboardDbContext> change)
    {
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(change));

        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        return failure;
    }

    /// <summary>What the app's exception handler answers for the failure, in Japanese and in English.</summary>
    private async Task AssertAnswerAsync(DbUpdateException failure, int status, string code, string japanese, string english)
    {
        foreach (var (language, text) in new[] { ("ja", japanese), ("en", english) })
        {
            var culture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            try
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                context.Response.Body = new MemoryStream();
                var handler = ActivatorUtilities.CreateInstance<ProblemDetailsExceptionHandler>(scope.ServiceProvider);

                Assert.True(await handler.TryHandleAsync(context, failure, CancellationToken.None));

                Assert.Equal(status, context.Response.StatusCode);
                context.Response.Body.Position = 0;
                using var problem = await JsonDocument.ParseAsync(context.Response.Body);
                Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
                Assert.Contains(text, problem.RootElement.GetProperty("detail").GetString());
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }
        }
    }
}
