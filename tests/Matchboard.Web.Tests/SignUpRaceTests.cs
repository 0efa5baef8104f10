using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Two sign-ups with one new address at once: the database's unique address index lets one through, and the other
/// answers exactly as a duplicate does, so that a race reveals no more than a plain duplicate.
/// </summary>
public sealed class SignUpRaceTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const int Rounds = 8;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoSignUpsWithOneNewAddressAtOnceMakeOneAccountAndBothGetTheSameAnswer(bool withIdempotencyKeys)
    {
        var http = factory.CreateClient();
        for (var round = 0; round < Rounds; round++)
        {
            var email = $"race-{Guid.NewGuid():N}@example.jp";
            var names = new[] { $"競争の会A {Guid.NewGuid():N}"[..24], $"競争の会B {Guid.NewGuid():N}"[..24] };
            var mark = factory.DroppedMailFiles();

            var answers = await Task.WhenAll(names.Select(name =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/registrations")
                {
                    Content = JsonContent.Create(JoiningTests.SignUp("CivicGroup", name, email)),
                };
                if (withIdempotencyKeys)
                {
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                }

                return http.SendAsync(request);
            }));

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
            Assert.Equal(await answers[0].Content.ReadAsStringAsync(), await answers[1].Content.ReadAsStringAsync());

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            var organizations = await db.Organizations.Where(o => names.Contains(o.Name)).ToListAsync();
            var made = Assert.Single(organizations);
            Assert.Equal(made.Id, account.OrganizationId);

            // The winner is asked to confirm; the loser's mail says the address has an account already.
            var mail = factory.DroppedMailSince(mark).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToList();
            Assert.Equal(2, mail.Count);
            Assert.Single(mail, m => m.Subject!.Contains("メールアドレスの確認"));
            Assert.Single(mail, m => m.TextBody!.Contains("すでに登録されています"));
        }
    }
}
