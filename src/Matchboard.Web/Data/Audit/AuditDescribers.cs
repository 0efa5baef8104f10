using System.Text.Json.Nodes;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Complaints;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Support;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data.Benchmarking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Matchboard.Web.Data.Audit;

/// <summary>
/// What each audited change says. One describer per entity type; an entity type not listed here is not audited
/// (notifications, sessions, idempotency keys, counters, documents' bytes). Summaries never hold residents' data
/// (households, report notes, checklist answers: visits are counts only) and never a bid's amount before the bids
/// open: the <c>bids.opened</c> entry is the first to hold them.
/// </summary>
public static class AuditDescribers
{
    public static IEnumerable<AuditDraft> Describe(EntityEntry entry) => entry.Entity switch
    {
        CommunityTask task => DescribeTask(entry, task),
        Bid bid => DescribeBid(entry, bid),
        Question question => DescribeQuestion(entry, question),
        TaskInvitation invitation => DescribeInvitation(entry, invitation),
        Contract contract => DescribeContract(entry, contract),
        Review review => DescribeReview(entry, review),
        PlannedVisit visit => DescribePlannedVisit(entry, visit),
        VisitReport report => DescribeVisitReport(entry, report),
        VisitAlert alert => DescribeAlert(entry, alert),
        Organization organization => DescribeOrganization(entry, organization),
        VerificationDecision decision => DescribeVerification(entry, decision),
        CertificationDecision decision => DescribeCertification(entry, decision),
        InsuranceDeclaration declaration => DescribeInsurance(entry, declaration),
        SupportRequest request => DescribeSupportRequest(entry, request),
        Complaint complaint => DescribeComplaint(entry, complaint),
        ReviewReport report => DescribeReviewReport(entry, report),
        // The benchmark's insert floor only (Matchboard:Benchmark:Floors): never in a real deployment's log, so not
        // among the city's filter's Actions.
        FloorWrite write when entry.State == EntityState.Added =>
            [AuditDraft.Of("floor.written", "floorWrite", () => write.Id, write.OrganizationId, () => new JsonObject { ["note"] = write.Note })],
        _ => [],
    };

    /// <summary>Every action name this describer set can emit (for the city's filter).</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "task.drafted", "task.published", "task.edited", "task.closed", "task.unawarded", "task.awarded", "task.cancelled",
        "bids.opened",
        "bid.placed", "bid.revised", "bid.confirmed", "bid.withdrawn", "bid.accepted", "bid.rejected", "bid.awardwithdrawn",
        "question.asked", "question.answered",
        "task.invited",
        "contract.created", "contract.signed", "contract.active", "contract.delivered", "contract.completed",
        "contract.terminated", "contract.awardwithdrawn", "contract.changesrequested",
        "review.submitted", "review.replied", "review.reported", "review.hidden",
        "complaint.filed", "complaint.answered",
        "visits.scheduled", "visit.moved", "visit.cancelled", "visit.missed", "visit.reported",
        "alert.raised", "alert.escalated", "alert.acknowledged",
        "organization.registered",
        "verification.decided",
        "certification.granted", "certification.renewed", "certification.suspended", "certification.revoked",
        "insurance.declared",
        "support.requested", "support.accepted", "support.declined", "support.withdrawn",
    ];

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static bool Changed(EntityEntry entry, string property) =>
        entry.State == EntityState.Modified && entry.Property(property).IsModified
        && !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);

    private static T? Original<T>(EntityEntry entry, string property) => (T?)entry.Property(property).OriginalValue;

    private static IEnumerable<AuditDraft> DescribeTask(EntityEntry entry, CommunityTask task)
    {
        JsonObject Summary() => new()
        {
            ["title"] = task.Title,
            ["category"] = task.Category,
            ["ward"] = task.Ward,
            ["status"] = task.Status.ToString(),
            ["feeYen"] = task.FeeYen,
            ["bidDeadline"] = AuditChain.FormatTime(task.BidDeadline),
            ["revision"] = task.Revision,
        };

        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of(task.Status == CommunityTaskStatus.Open ? "task.published" : "task.drafted",
                "task", () => task.Id, task.AssociationId, Summary);
            yield break;
        }

        if (entry.State != EntityState.Modified)
        {
            yield break;
        }

        // The opening comes first: an award past the deadline opens the bids and awards in one save.
        if (Changed(entry, nameof(CommunityTask.BidsOpenedAt)) && Original<DateTimeOffset?>(entry, nameof(CommunityTask.BidsOpenedAt)) is null)
        {
            yield return new AuditDraft("bids.opened", "task", () => task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), task.AssociationId,
                async (db, ct) => await OpenedBidsAsync(db, task, ct));
        }

        if (Changed(entry, nameof(CommunityTask.Status)))
        {
            var action = task.Status switch
            {
                CommunityTaskStatus.Open => "task.published",
                CommunityTaskStatus.Closed => "task.closed",
                CommunityTaskStatus.Unawarded => "task.unawarded",
                CommunityTaskStatus.Awarded => "task.awarded",
                CommunityTaskStatus.Cancelled => "task.cancelled",
                var other => "task." + Word(other),
            };
            yield return AuditDraft.Of(action, "task", () => task.Id, task.AssociationId, () =>
            {
                var summary = Summary();
                if (task.Status == CommunityTaskStatus.Awarded)
                {
                    summary["awardedBidId"] = task.AwardedBidId;
                    summary["rationale"] = task.AwardRationale;
                }

                return summary;
            });
        }
        else if (entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (MatchboardDbContext.VersionProperty)
                     && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            yield return AuditDraft.Of("task.edited", "task", () => task.Id, task.AssociationId, Summary);
        }
    }

    /// <summary>Every bid's group and amount, as they stand at the opening (withdrawn ones included, marked so).</summary>
    private static async Task<JsonObject> OpenedBidsAsync(MatchboardDbContext db, CommunityTask task, CancellationToken ct)
    {
        var bids = await db.Bids.AsNoTracking().Where(b => b.TaskId == task.Id).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.GroupId, b.AmountYen, b.Status }).ToListAsync(ct);
        return new JsonObject
        {
            ["bidsOpenedAt"] = task.BidsOpenedAt is { } opened ? AuditChain.FormatTime(opened) : null,
            ["bids"] = new JsonArray(bids.Select(b => (JsonNode)new JsonObject
            {
                ["bid"] = b.Id,
                ["group"] = b.GroupId,
                ["amountYen"] = b.AmountYen,
                ["status"] = b.Status.ToString(),
            }).ToArray()),
        };
    }

    private static IEnumerable<AuditDraft> DescribeBid(EntityEntry entry, Bid bid)
    {
        // No amount and no proposal: before the opening they are sealed, and the opening entry records them.
        JsonObject Summary() => new() { ["task"] = bid.TaskId, ["group"] = bid.GroupId, ["status"] = bid.Status.ToString() };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("bid.placed", "bid", () => bid.Id, bid.GroupId, Summary);
        }
        else if (Changed(entry, nameof(Bid.Status)) && bid.Status != BidStatus.Revised)
        {
            yield return AuditDraft.Of("bid." + Word(bid.Status), "bid", () => bid.Id, bid.GroupId, Summary);
        }
        else if (Changed(entry, nameof(Bid.ForEarlierTerms)) && !Changed(entry, nameof(Bid.AmountYen)) && !Changed(entry, nameof(Bid.Proposal)))
        {
            // Marked for earlier terms: the task's own edit (task.edited) says so. Cleared: the group confirms its bid,
            // unchanged, for the new terms.
            if (!bid.ForEarlierTerms)
            {
                yield return AuditDraft.Of("bid.confirmed", "bid", () => bid.Id, bid.GroupId, Summary);
            }
        }
        else if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            yield return AuditDraft.Of("bid.revised", "bid", () => bid.Id, bid.GroupId, Summary);
        }
    }

    private static IEnumerable<AuditDraft> DescribeQuestion(EntityEntry entry, Question question)
    {
        JsonObject Summary() => new() { ["task"] = question.TaskId, ["group"] = question.GroupId };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of(question.Answer is null ? "question.asked" : "question.answered", "question", () => question.Id, question.GroupId, Summary);
        }
        else if (Changed(entry, nameof(Question.Answer)))
        {
            yield return AuditDraft.Of("question.answered", "question", () => question.Id, question.GroupId, Summary);
        }
    }

    /// <summary>
    /// An invitation is made once and never changes. It belongs to the task, so to the task's association (the task
    /// is always tracked beside it: the domain makes invitations through the task); the summary names the group.
    /// </summary>
    private static IEnumerable<AuditDraft> DescribeInvitation(EntityEntry entry, TaskInvitation invitation)
    {
        if (entry.State == EntityState.Added)
        {
            var associationId = entry.Context.ChangeTracker.Entries<CommunityTask>()
                .Where(t => t.Entity.Id == invitation.TaskId).Select(t => (int?)t.Entity.AssociationId).FirstOrDefault();
            yield return AuditDraft.Of("task.invited", "invitation", () => invitation.Id, associationId,
                () => new JsonObject { ["task"] = invitation.TaskId, ["group"] = invitation.OrganizationId });
        }
    }

    private static IEnumerable<AuditDraft> DescribeContract(EntityEntry entry, Contract contract)
    {
        JsonObject Summary() => new()
        {
            ["task"] = contract.TaskId,
            ["bid"] = contract.BidId,
            ["association"] = contract.AssociationId,
            ["provider"] = contract.ProviderId,
            ["amountYen"] = contract.AmountYen,
            ["status"] = contract.Status.ToString(),
            ["associationSigned"] = contract.AssociationSignedAt is not null,
            ["providerSigned"] = contract.ProviderSignedAt is not null,
            ["visitsMade"] = contract.VisitsMade,
            ["visitsPlanned"] = contract.VisitsPlanned,
        };

        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("contract.created", "contract", () => contract.Id, contract.AssociationId, Summary);
            yield break;
        }

        if (entry.State != EntityState.Modified)
        {
            yield break;
        }

        if (Changed(entry, nameof(Contract.AssociationSignedAt)) || Changed(entry, nameof(Contract.ProviderSignedAt)))
        {
            yield return AuditDraft.Of("contract.signed", "contract", () => contract.Id, contract.AssociationId, Summary);
        }

        if (Changed(entry, nameof(Contract.Status)))
        {
            yield return AuditDraft.Of("contract." + Word(contract.Status), "contract", () => contract.Id, contract.AssociationId, Summary);
        }
        else if (Changed(entry, nameof(Contract.ChangesRequestedAt)) && contract.ChangesRequestedAt is not null)
        {
            yield return AuditDraft.Of("contract.changesrequested", "contract", () => contract.Id, contract.AssociationId, Summary);
        }
    }

    private static IEnumerable<AuditDraft> DescribeReview(EntityEntry entry, Review review)
    {
        JsonObject Summary() => new() { ["contract"] = review.ContractId, ["reviewer"] = review.ReviewerId, ["reviewee"] = review.RevieweeId, ["rating"] = review.Rating };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("review.submitted", "review", () => review.Id, review.ReviewerId, Summary);
        }
        else if (Changed(entry, nameof(Review.HiddenAt)) && review.HiddenAt is not null)
        {
            // The reason is public (it stands in the review's place); the hidden text is not repeated here.
            yield return AuditDraft.Of("review.hidden", "review", () => review.Id, review.RevieweeId,
                () => new JsonObject { ["contract"] = review.ContractId, ["reason"] = review.HiddenReason, ["hiddenBy"] = review.HiddenByUserId });
        }
        else if (Changed(entry, nameof(Review.Reply)))
        {
            yield return AuditDraft.Of("review.replied", "review", () => review.Id, review.RevieweeId, Summary);
        }
    }

    private static IEnumerable<AuditDraft> DescribeReviewReport(EntityEntry entry, ReviewReport report)
    {
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("review.reported", "review", () => report.ReviewId, report.ReporterOrganizationId,
                () => new JsonObject { ["report"] = report.Id });
        }
    }

    // A complaint's and an answer's text stay with the complaint (the filer and city staff read them); the log keeps what, about what, and when.
    private static IEnumerable<AuditDraft> DescribeComplaint(EntityEntry entry, Complaint complaint)
    {
        JsonObject Summary() => new()
        {
            ["subject"] = complaint.Subject.ToString(),
            ["task"] = complaint.TaskId,
            ["contract"] = complaint.ContractId,
            ["review"] = complaint.ReviewId,
            ["status"] = complaint.Status.ToString(),
        };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("complaint.filed", "complaint", () => complaint.Id, complaint.FiledByOrganizationId, Summary);
        }
        else if (Changed(entry, nameof(Complaint.Status)) && complaint.Status == ComplaintStatus.Answered)
        {
            yield return AuditDraft.Of("complaint.answered", "complaint", () => complaint.Id, complaint.FiledByOrganizationId, Summary);
        }
    }

    // Visits: counts only. The contract is the entity; no household, date of a household's visit, or report content.
    private static IEnumerable<AuditDraft> DescribePlannedVisit(EntityEntry entry, PlannedVisit visit)
    {
        if (entry.State == EntityState.Added)
        {
            yield return VisitCount("visits.scheduled", visit.ContractId);
        }
        else if (Changed(entry, nameof(PlannedVisit.Status)) && visit.Status == PlannedVisitStatus.Cancelled)
        {
            yield return VisitCount("visit.cancelled", visit.ContractId);
        }
        else if (Changed(entry, nameof(PlannedVisit.MissedAt)) && visit.MissedAt is not null)
        {
            yield return VisitCount("visit.missed", visit.ContractId);
        }
        else if (Changed(entry, nameof(PlannedVisit.Date)))
        {
            yield return VisitCount("visit.moved", visit.ContractId);
        }
    }

    private static IEnumerable<AuditDraft> DescribeVisitReport(EntityEntry entry, VisitReport report)
    {
        if (entry.State == EntityState.Added)
        {
            yield return VisitCount("visit.reported", report.ContractId);
        }
    }

    /// <summary>One entry per contract and action in a save, holding how many visits it concerned (merged by <see cref="AuditCapture"/>).</summary>
    private static AuditDraft VisitCount(string action, int contractId) =>
        new(action, "contract", () => contractId.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            (_, _) => Task.FromResult(new JsonObject { ["contract"] = contractId, ["count"] = 1 }));

    private static IEnumerable<AuditDraft> DescribeAlert(EntityEntry entry, VisitAlert alert)
    {
        JsonObject Summary() => new()
        {
            ["contract"] = alert.ContractId,
            ["reason"] = alert.Reason.ToString(),
            ["severity"] = alert.Severity.ToString(),
            ["acknowledgedBy"] = alert.AcknowledgedByOrganizationId,
        };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("alert.raised", "alert", () => alert.Id, null, Summary);
        }
        else if (Changed(entry, nameof(VisitAlert.AcknowledgedAt)) && alert.AcknowledgedAt is not null)
        {
            yield return AuditDraft.Of("alert.acknowledged", "alert", () => alert.Id, alert.AcknowledgedByOrganizationId, Summary);
        }
        else if (Changed(entry, nameof(VisitAlert.EscalatedAt)) && alert.EscalatedAt is not null)
        {
            yield return AuditDraft.Of("alert.escalated", "alert", () => alert.Id, null, Summary);
        }
    }

    private static IEnumerable<AuditDraft> DescribeOrganization(EntityEntry entry, Organization organization)
    {
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("organization.registered", "organization", () => organization.Id, null, () => new JsonObject
            {
                ["kind"] = organization.Kind.ToString(),
                ["name"] = organization.Name,
                ["ward"] = organization.Ward,
                ["verified"] = organization.IsVerified,
            });
        }
    }

    private static IEnumerable<AuditDraft> DescribeVerification(EntityEntry entry, VerificationDecision decision)
    {
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("verification.decided", "organization", () => decision.OrganizationId, decision.OrganizationId, () => new JsonObject
            {
                ["decision"] = decision.Id,
                ["outcome"] = decision.Outcome.ToString(),
                ["reason"] = decision.Reason,
            });
        }
    }

    private static IEnumerable<AuditDraft> DescribeCertification(EntityEntry entry, CertificationDecision decision)
    {
        if (entry.State == EntityState.Added)
        {
            var organizationId = (int)entry.Property("OrganizationId").CurrentValue!;
            yield return AuditDraft.Of("certification." + Word(decision.Kind), "organization", () => organizationId, organizationId, () => new JsonObject
            {
                ["number"] = decision.Number,
                ["validFrom"] = decision.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["validTo"] = decision.ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = decision.Reason,
            });
        }
    }

    /// <summary>
    /// The group's own declaration (owned by the organization; a new one replaces the earlier, which EF may track as
    /// an added or a modified row): who declared what cover until when. The policy number is the group's own.
    /// </summary>
    private static IEnumerable<AuditDraft> DescribeInsurance(EntityEntry entry, InsuranceDeclaration declaration)
    {
        if (entry.State is EntityState.Added or EntityState.Modified)
        {
            // Declared with a new organization (the seed), its id is known only once saved: read it then.
            var key = entry.Property("OrganizationId");
            int? organizationId = key.IsTemporary ? null : (int)key.CurrentValue!;
            yield return AuditDraft.Of("insurance.declared", "organization", () => (int)key.CurrentValue!, organizationId, () => new JsonObject
            {
                ["insurer"] = declaration.Insurer,
                ["validUntil"] = declaration.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    private static IEnumerable<AuditDraft> DescribeSupportRequest(EntityEntry entry, SupportRequest request)
    {
        JsonObject Summary() => new() { ["task"] = request.TaskId, ["supporter"] = request.SupporterId, ["status"] = request.Status.ToString() };
        if (entry.State == EntityState.Added)
        {
            yield return AuditDraft.Of("support.requested", "supportRequest", () => request.Id, request.AssociationId, Summary);
        }
        else if (Changed(entry, nameof(SupportRequest.Status)))
        {
            yield return AuditDraft.Of("support." + Word(request.Status), "supportRequest", () => request.Id, request.AssociationId, Summary);
        }
    }
}
