using System.Globalization;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.OpenData;

/// <summary>
/// Derives a task's OCDS releases, one per stage, from what is stored: the tender at publication, a tender update per
/// edit (rebuilt from the task's public history), the cancellation or the unawarded close, and per contract its
/// award, the award's withdrawal, the signing, the implementation (visit days as milestones) and the end.
/// Every release is a snapshot as at its date, so the same stored data always gives the same release ids.
/// Bid figures appear only once <see cref="BidDisclosure.IsPublic"/> holds, and only in releases dated from the reveal.
/// Nothing about households, visit reports, contact persons or proposals is ever read into a release.
/// </summary>
public static class OcdsReleaseBuilder
{
    public const string Currency = "JPY";

    public static IReadOnlyList<OcdsRelease> Build(OcdsTaskRecord record, string ocidPrefix)
    {
        var task = record.Task;
        if (task.PublishedAt is not { } publishedAt)
        {
            return [];
        }

        var context = new Context(record, ocidPrefix + task.Id.ToString(CultureInfo.InvariantCulture));
        var releases = new List<OcdsRelease>
        {
            context.Release("tender", publishedAt, context.Tender(revision: 0, "active")),
        };

        foreach (var edit in record.Changes.GroupBy(c => c.Revision).OrderBy(g => g.Key))
        {
            var at = edit.Max(c => c.ChangedAt);
            releases.Add(context.Release("tenderUpdate", at, context.Tender(edit.Key, "active"), idSuffix: edit.Key.ToString(CultureInfo.InvariantCulture)));
        }

        var latest = record.Changes.Count == 0 ? 0 : record.Changes.Max(c => c.Revision);
        if (task.CancelledAt is { } cancelledAt)
        {
            releases.Add(context.Release("tenderCancellation", cancelledAt, context.Tender(latest, "cancelled")));
        }
        else if (task.Status == CommunityTaskStatus.Unawarded && task.BidsRevealedAt is { } closedAt)
        {
            // Closed without an award: a last tender update says so, with the (now public) bid figures.
            releases.Add(context.Release("tenderUpdate", closedAt, context.Tender(latest, "unsuccessful"), idSuffix: "unsuccessful"));
        }

        foreach (var contract in record.Contracts.OrderBy(c => c.Contract.CreatedAt))
        {
            releases.AddRange(context.ContractReleases(contract, latest));
        }

        return releases;
    }

    private sealed class Context(OcdsTaskRecord record, string ocid)
    {
        private CommunityTask Task => record.Task;

        private string BuyerId => OrganizationId(Task.AssociationId);

        public OcdsRelease Release(
            string tag,
            DateTimeOffset date,
            OcdsTender tender,
            string? idSuffix = null,
            IReadOnlyList<OcdsAward>? awards = null,
            IReadOnlyList<OcdsContract>? contracts = null,
            OcdsContractRecord? supplierOf = null)
        {
            var bids = BidsAsAt(date);
            var parties = new List<OcdsParty> { new(BuyerId, record.AssociationName, ["buyer"]) };
            foreach (var bid in bids?.Details ?? [])
            {
                var tenderer = bid.Tenderers[0];
                AddRole(parties, tenderer.Id, tenderer.Name, "tenderer");
            }

            if (supplierOf is not null)
            {
                AddRole(parties, OrganizationId(supplierOf.Contract.ProviderId), supplierOf.ProviderName, "supplier");
            }

            var id = $"{ocid}-{tag}" + (idSuffix is null ? string.Empty : "-" + idSuffix);
            return new OcdsRelease(
                ocid, id, date, [tag], "tender", parties, new OcdsOrganizationReference(BuyerId, record.AssociationName),
                bids is null ? tender : tender with
                {
                    NumberOfTenderers = bids.Details.Count,
                    Tenderers = bids.Details.Select(b => b.Tenderers[0]).ToList(),
                },
                bids, awards, contracts);
        }

        /// <summary>The tender as it stood after edit <paramref name="revision"/> (0: as published).</summary>
        public OcdsTender Tender(int revision, string status)
        {
            var title = ValueAfter("title", revision) ?? Task.Title;
            var description = ValueAfter("description", revision) ?? Task.Description;
            var fee = ValueAfter("feeYen", revision) is { } f ? long.Parse(f, CultureInfo.InvariantCulture) : Task.FeeYen;
            var deadline = ValueAfter("bidDeadline", revision) is { } changedDeadline
                ? DateTimeOffset.Parse(changedDeadline, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : Task.BidDeadline;
            var start = ValueAfter("startDate", revision) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : Task.StartDate;
            var end = ValueAfter("endDate", revision) is { } e ? DateOnly.ParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture) : Task.EndDate;
            return new OcdsTender(
                ocid,
                title,
                description,
                status,
                new OcdsValue(fee, Currency),
                "open",
                "services",
                new OcdsPeriod(Task.PublishedAt!.Value, deadline),
                Period(start, end),
                NumberOfTenderers: null,
                Tenderers: null);
        }

        public IEnumerable<OcdsRelease> ContractReleases(OcdsContractRecord record1, int latestRevision)
        {
            var contract = record1.Contract;
            var awardId = "award-" + contract.Id.ToString(CultureInfo.InvariantCulture);
            var contractId = "contract-" + contract.Id.ToString(CultureInfo.InvariantCulture);
            var supplier = new OcdsOrganizationReference(OrganizationId(contract.ProviderId), record1.ProviderName);
            var isCurrentAward = Task.AwardedBidId == contract.BidId;
            var period = Period(Task.StartDate, Task.EndDate);
            var value = new OcdsValue(contract.AmountYen, Currency);
            var suffix = contract.Id.ToString(CultureInfo.InvariantCulture);
            var tenderDone = Tender(latestRevision, "complete");

            OcdsAward Award(string status) => new(
                awardId, status, contract.CreatedAt,
                // The written reason is public on the task page; a withdrawn award's reason was taken back with it.
                isCurrentAward ? Task.AwardRationale : null,
                value, [supplier], period, "bid-" + contract.BidId.ToString(CultureInfo.InvariantCulture));

            yield return Release("award", contract.CreatedAt, tenderDone, suffix, awards: [Award("pending")], supplierOf: record1);

            if (contract.AwardWithdrawnAt is { } withdrawnAt)
            {
                yield return Release("awardCancellation", withdrawnAt, Tender(latestRevision, "active"), suffix, awards: [Award("cancelled")]);
                yield break;
            }

            if (contract.ActivatedAt is not { } signedAt)
            {
                yield break;
            }

            OcdsContract Contract(string status, DateTimeOffset asAt) => new(
                contractId, awardId, status, signedAt, period, value, Implementation(record1, asAt));

            yield return Release("contract", signedAt, tenderDone, suffix, awards: [Award("active")], contracts: [Contract("active", signedAt) with { Implementation = null }], supplierOf: record1);

            var implementationAt = record1.Visits
                .SelectMany(v => new[] { v.FirstReportedAt, v.MissedAt })
                .Where(t => t is not null && (contract.EndedAt is null || t <= contract.EndedAt))
                .Select(t => t!.Value)
                .Append(signedAt)
                .Max();
            if (record1.Visits.Count > 0)
            {
                // One snapshot of the schedule as it stands; its id carries its date, so a later state is a new release.
                yield return Release("implementation", implementationAt, tenderDone,
                    suffix + "-" + implementationAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
                    awards: [Award("active")], contracts: [Contract("active", implementationAt)], supplierOf: record1);
            }

            if (contract.EndedAt is { } endedAt)
            {
                // OCDS calls a contract that has come to a close, completed or ended early, "terminated".
                yield return Release("contractTermination", endedAt, tenderDone, suffix,
                    awards: [Award("active")], contracts: [Contract("terminated", endedAt)], supplierOf: record1);
            }
        }

        /// <summary>
        /// Visit days as milestones: met when every visit of the day has a report, notMet when one was marked missed,
        /// scheduled otherwise. A day is a date and a status, nothing more: not which households, not how many, not what was found.
        /// Visits cancelled when the contract ended early are no longer part of the schedule, and once the contract has
        /// ended (as at <paramref name="asAt"/>) neither are days still ahead of it: the work is over, they will not come.
        /// </summary>
        private static OcdsImplementation? Implementation(OcdsContractRecord record1, DateTimeOffset asAt)
        {
            var ended = record1.Contract.EndedAt is { } endedAt && endedAt <= asAt;
            var days = record1.Visits
                .Where(v => v.Status == PlannedVisitStatus.Planned)
                .GroupBy(v => v.Date)
                .OrderBy(g => g.Key)
                .Select(day =>
                {
                    var reported = day.All(v => v.FirstReportedAt is { } at && at <= asAt);
                    var missed = day.Any(v => v.MissedAt is { } at && at <= asAt);
                    var status = reported ? "met" : missed ? "notMet" : "scheduled";
                    var key = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return new OcdsMilestone(
                        "visit-" + key, "訪問日 " + key, "delivery", DayStart(day.Key), status,
                        reported ? day.Max(v => v.FirstReportedAt) : null);
                })
                .Where(m => !(ended && m.Status == "scheduled"))
                .ToList();
            return days.Count == 0 ? null : new OcdsImplementation(days);
        }

        /// <summary>The bid figures as at <paramref name="date"/>: none until the bids are public (<see cref="BidDisclosure"/>).</summary>
        private OcdsBids? BidsAsAt(DateTimeOffset date)
        {
            if (!BidDisclosure.IsPublic(Task) || Task.BidsRevealedAt is not { } revealedAt || date < revealedAt)
            {
                return null;
            }

            var shown = record.Bids
                .Where(b => BidDisclosure.IsNamedInPublic(Task, b.Bid))
                .OrderBy(b => b.Bid.SubmittedAt).ThenBy(b => b.Bid.Id)
                .ToList();
            var valid = shown.Where(b => b.Bid.Status != BidStatus.Withdrawn).ToList();
            var statistics = new List<OcdsBidStatistic>
            {
                new("bids", "bids", revealedAt, record.Bids.Count, null),
                new("validBids", "validBids", revealedAt, valid.Count, null),
            };
            if (valid.Count > 0)
            {
                statistics.Add(new("lowestValidBidValue", "lowestValidBidValue", revealedAt, valid.Min(b => b.Bid.AmountYen), Currency));
                statistics.Add(new("highestValidBidValue", "highestValidBidValue", revealedAt, valid.Max(b => b.Bid.AmountYen), Currency));
            }

            var details = shown.Select(b => new OcdsBid(
                "bid-" + b.Bid.Id.ToString(CultureInfo.InvariantCulture),
                b.Bid.SubmittedAt,
                b.Bid.Status == BidStatus.Withdrawn ? "withdrawn" : "valid",
                [new OcdsOrganizationReference(OrganizationId(b.Bid.GroupId), b.GroupName)],
                new OcdsValue(b.Bid.AmountYen, Currency))).ToList();
            return new OcdsBids(statistics, details);
        }

        /// <summary>
        /// A field's value just after edit <paramref name="revision"/>: the old value of the first later edit of it,
        /// or null if no later edit changed it (then the stored value is the one).
        /// </summary>
        private string? ValueAfter(string field, int revision) =>
            record.Changes
                .Where(c => c.Field == field && c.Revision > revision)
                .OrderBy(c => c.Revision)
                .Select(c => c.OldValue)
                .FirstOrDefault();

        private static void AddRole(List<OcdsParty> parties, string id, string name, string role)
        {
            var index = parties.FindIndex(p => p.Id == id);
            if (index < 0)
            {
                parties.Add(new OcdsParty(id, name, [role]));
            }
            else if (!parties[index].Roles.Contains(role))
            {
                parties[index] = parties[index] with { Roles = [.. parties[index].Roles, role] };
            }
        }
    }

    public static string OrganizationId(int organizationId) => "org-" + organizationId.ToString(CultureInfo.InvariantCulture);

    private static OcdsPeriod Period(DateOnly start, DateOnly end) => new(DayStart(start), DayStart(end.AddDays(1)).AddSeconds(-1));

    private static DateTimeOffset DayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), JapanTime.Offset);
}
