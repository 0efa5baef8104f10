using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A task's ranking reads each candidate group as the few columns the rules need (<see cref="MatchCandidate.Columns"/>),
/// not as the entity: read back from the database, those values must be what the entity itself says (its standing for
/// the bidding and matching rules, the wards it serves, its capacity), whatever state its mark and insurance are in.
/// </summary>
public sealed class MatchCandidateTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ACandidateReadAsColumnsStandsExactlyAsTheEntityForEveryStateOfMarkAndInsurance()
    {
        var now = factory.Clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        Organization Group(string label, Action<Organization> setUp)
        {
            var group = Organization.CreateCivicGroup(
                $"列の団体 {label} {Guid.NewGuid():N}"[..20], Wards.Nakahara, "どこか", LegalForm.NpoCorporation, ActivityStyle.SocialBusiness,
                [Categories.WatchOver, Categories.ElderlySalon], [Wards.Nakahara, Wards.Saiwai], 4);
            setUp(group);
            return group;
        }

        var groups = new[]
        {
            Group("none", g => g.Verify()),
            Group("unverified", _ => { }),
            Group("valid", g =>
            {
                g.Verify();
                g.GrantCertification("K-1", today, today.AddDays(200), null, "staff", now);
                g.DeclareInsurance("保険会社", null, today.AddDays(90), now);
            }),
            Group("soon", g => g.GrantCertification("K-2", today.AddDays(-300), today.AddDays(20), null, "staff", now)),
            Group("later", g => g.GrantCertification("K-3", today.AddDays(10), today.AddDays(400), null, "staff", now)),
            Group("suspended", g =>
            {
                g.GrantCertification("K-4", today, today.AddDays(200), null, "staff", now);
                g.SuspendCertification("確認中", "staff", now);
            }),
            Group("revoked", g =>
            {
                g.GrantCertification("K-5", today, today.AddDays(200), null, "staff", now);
                g.RevokeCertification("取消", "staff", now);
                g.DeclareInsurance("保険会社", "P-1", today, now);
            }),
        };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            db.Organizations.AddRange(groups);
            await db.SaveChangesAsync();
        }

        await using var read = factory.Services.CreateAsyncScope();
        var readDb = read.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var ids = groups.Select(g => g.Id).ToList();
        var candidates = await readDb.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(MatchCandidate.Columns).ToDictionaryAsync(c => c.Id);
        var entities = await readDb.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);

        Assert.Equal(ids.Count, candidates.Count);
        Assert.All(ids, id =>
        {
            var (candidate, entity) = (candidates[id], entities[id]);
            Assert.Equal(entity.Standing, candidate.Standing);
            Assert.Equal(entity.Name, candidate.Name);
            Assert.Equal(entity.Categories, candidate.Categories);
            Assert.Equal(ServedWards.Of(entity), candidate.ServedWards);
            Assert.Equal(entity.Capacity, candidate.Capacity);
            Assert.Equal(entity.LegalForm, candidate.LegalForm);
        });
        Assert.Equal(
            [null, null, CertificationState.Valid, CertificationState.ExpiringSoon, CertificationState.NotYetValid, CertificationState.Suspended, CertificationState.Revoked],
            ids.Select(id => candidates[id].Certification?.StateOn(today)));
        Assert.Equal([false, false, true, false, false, false, true], ids.Select(id => candidates[id].Standing.IsInsuredOn(today)));
    }
}
