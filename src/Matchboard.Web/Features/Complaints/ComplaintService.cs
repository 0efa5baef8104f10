using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Complaints;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Complaints;

/// <summary>
/// 苦情 to the city and the moderation of reviews. Who may file about what is <see cref="Complaint"/>'s rule; the
/// answer is <see cref="Complaint.AnswerWith"/>, made on the version the staff member read; hiding is <see cref="Review.Hide"/>.
/// </summary>
public sealed class ComplaintService(MatchboardDbContext db, TimeProvider clock, NotificationOutbox outbox)
{
    /// <summary>The city's queue, where <c>ComplaintFiled</c> links.</summary>
    public const string CityQueuePath = "/City/Complaints";

    /// <summary>A complaint's own page, where <c>ComplaintAnswered</c> links.</summary>
    public static string PagePath(int complaintId) => $"/Complaints/{complaintId}";

    public async Task<ComplaintDto> FileAsync(FileComplaintRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        if (user.OrganizationKind() == OrganizationKind.CityOffice)
        {
            // The city answers complaints; it does not file them with itself.
            throw new ForbiddenAccessException("complaint.city-office");
        }

        var userId = UserId(user);
        var now = clock.GetUtcNow();
        Complaint complaint;
        switch (request.Subject)
        {
            case ComplaintSubject.Award:
                var task = await db.Tasks.Include(t => t.Bids)
                    .SingleOrDefaultAsync(t => t.Id == (request.TaskId ?? 0), ct)
                    ?? throw new ResourceNotFoundException("task.not-found");
                complaint = Complaint.AboutAward(task, me, userId, request.Text, now);
                break;
            case ComplaintSubject.Conduct or ComplaintSubject.Review:
                var contract = await db.Contracts.Include(c => c.Reviews)
                    .SingleOrDefaultAsync(c => c.Id == (request.ContractId ?? 0), ct)
                    ?? throw new ResourceNotFoundException("contract.not-found");
                if (!contract.IsParty(me))
                {
                    // A stranger learns nothing about the contract, as everywhere else.
                    throw new ForbiddenAccessException("contract.not-yours");
                }

                complaint = request.Subject == ComplaintSubject.Conduct
                    ? Complaint.AboutConduct(contract, me, userId, request.Text, now)
                    : Complaint.AboutReview(contract, request.ReviewId ?? 0, me, userId, request.Text, now);
                break;
            default:
                DomainException.ThrowIfAny([new FieldError("subject", "required")]);
                throw new InvalidOperationException("unreachable");
        }

        db.Complaints.Add(complaint);
        var filerName = await db.Organizations.Where(o => o.Id == me).Select(o => o.Name).SingleAsync(ct);
        var cityOffices = await db.Organizations.Where(o => o.Kind == OrganizationKind.CityOffice).Select(o => o.Id).ToListAsync(ct);
        outbox.Add(() => cityOffices.Select(city => new Notification(city, NotificationType.ComplaintFiled, null, filerName, now, path: CityQueuePath)));
        await outbox.CommitAsync(ct);
        return await GetAsync(complaint.Id, user, ct);
    }

    /// <summary>The caller's organization's complaints, newest first.</summary>
    public async Task<IReadOnlyList<ComplaintDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        return await ToDtosAsync(db.Complaints.AsNoTracking().Where(c => c.FiledByOrganizationId == me).OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Id), ct);
    }

    /// <summary>One complaint, for its filer or city staff.</summary>
    public async Task<ComplaintDto> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var complaint = (await ToDtosAsync(db.Complaints.AsNoTracking().Where(c => c.Id == id), ct)).SingleOrDefault()
            ?? throw new ResourceNotFoundException("complaint.not-found");
        return user.OrganizationKind() == OrganizationKind.CityOffice || complaint.FiledByOrganizationId == user.RequiredOrganizationId()
            ? complaint
            : throw new ForbiddenAccessException("complaint.not-yours");
    }

    /// <summary>The city's queue: open complaints oldest first, then the answered ones, newest answer first.</summary>
    public async Task<IReadOnlyList<ComplaintDto>> QueueAsync(CancellationToken ct)
    {
        var open = await ToDtosAsync(db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Filed).OrderBy(c => c.FiledAt).ThenBy(c => c.Id), ct);
        var answered = await ToDtosAsync(db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Answered).OrderByDescending(c => c.AnsweredAt).ThenByDescending(c => c.Id).Take(200), ct);
        return [.. open, .. answered];
    }

    /// <summary>Open and total complaints: the city's dashboard shows them.</summary>
    public async Task<ComplaintCountsDto> CountsAsync(CancellationToken ct) =>
        new(await db.Complaints.CountAsync(c => c.Status == ComplaintStatus.Filed, ct), await db.Complaints.CountAsync(ct));

    /// <summary>
    /// City staff answer on the version they read: of two staff answering at once one wins, the other gets 409
    /// and nothing of theirs is kept. The filer is told and linked to the complaint's page.
    /// </summary>
    public async Task<ComplaintDto> AnswerAsync(int id, AnswerComplaintRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new ResourceNotFoundException("complaint.not-found");
        if (request.Version is null)
        {
            DomainException.ThrowIfAny([new FieldError("version", "required")]);
        }

        db.Entry(complaint).Property(MatchboardDbContext.VersionProperty).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        complaint.AnswerWith(request.Answer, UserId(user), now);
        var title = await TitleAsync(complaint.TaskId, ct);
        outbox.Add(() => new Notification(complaint.FiledByOrganizationId, NotificationType.ComplaintAnswered, null, title, now, path: PagePath(complaint.Id)));
        await outbox.CommitAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>
    /// Anyone signed in reports a review they can read (a released one, or their own), once. The report waits in
    /// the city's queue of reported reviews.
    /// </summary>
    public async Task ReportReviewAsync(int reviewId, ReportReviewRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        var userId = UserId(user);
        var contract = await ContractOfReviewAsync(reviewId, ct);
        var review = contract.ReviewsVisibleTo(me, clock.GetUtcNow()).SingleOrDefault(r => r.Id == reviewId)
            ?? throw new ResourceNotFoundException("review.not-found");
        var already = await db.ReviewReports.AnyAsync(r => r.ReviewId == reviewId && r.ReporterUserId == userId, ct);
        db.ReviewReports.Add(ReviewReport.Of(review, already, me, userId, request.Reason, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reviews reported and not hidden, the longest waiting first.</summary>
    public async Task<IReadOnlyList<ReportedReviewDto>> ReportedReviewsAsync(CancellationToken ct)
    {
        var reports = await db.ReviewReports.AsNoTracking()
            .Where(r => db.Reviews.Any(v => v.Id == r.ReviewId && v.HiddenAt == null))
            .ToListAsync(ct);
        var ids = reports.Select(r => r.ReviewId).Distinct().ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var orgIds = reviews.SelectMany(r => new[] { r.ReviewerId, r.RevieweeId }).Distinct().ToList();
        var names = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return reviews
            .Select(r => (Review: r, Reports: reports.Where(p => p.ReviewId == r.Id).OrderBy(p => p.ReportedAt).ToList()))
            .OrderBy(x => x.Reports[0].ReportedAt).ThenBy(x => x.Review.Id)
            .Select(x => new ReportedReviewDto(
                x.Review.Id, x.Review.ContractId, names.GetValueOrDefault(x.Review.ReviewerId, string.Empty),
                names.GetValueOrDefault(x.Review.RevieweeId, string.Empty), x.Review.Rating, x.Review.Comment, x.Review.SubmittedAt,
                x.Reports.Select(p => new ReviewReportDto(p.Reason, p.ReportedAt)).ToList()))
            .ToList();
    }

    /// <summary>
    /// City staff hide a review with a reason shown in its place. The review belongs to its contract, whose version
    /// moves with it: of two staff hiding at once, the second gets 409.
    /// </summary>
    public async Task HideReviewAsync(int reviewId, HideReviewRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await ContractOfReviewAsync(reviewId, ct);
        contract.Reviews.Single(r => r.Id == reviewId).Hide(request.Reason, UserId(user), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Contract> ContractOfReviewAsync(int reviewId, CancellationToken ct) =>
        await db.Contracts.Include(c => c.Reviews)
            .SingleOrDefaultAsync(c => c.Reviews.Any(r => r.Id == reviewId), ct)
        ?? throw new ResourceNotFoundException("review.not-found");

    private async Task<string> TitleAsync(int? taskId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Title).SingleOrDefaultAsync(ct) ?? string.Empty;

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");

    private async Task<IReadOnlyList<ComplaintDto>> ToDtosAsync(IQueryable<Complaint> query, CancellationToken ct)
    {
        var rows = await query
            .Select(c => new
            {
                Complaint = c,
                Version = EF.Property<int>(c, MatchboardDbContext.VersionProperty),
                Filer = db.Organizations.Where(o => o.Id == c.FiledByOrganizationId).Select(o => o.Name).FirstOrDefault(),
                Title = db.Tasks.Where(t => t.Id == c.TaskId).Select(t => t.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ComplaintDto(
            r.Complaint.Id, r.Complaint.Subject, r.Complaint.Status, r.Complaint.FiledByOrganizationId, r.Filer ?? string.Empty,
            r.Complaint.TaskId, r.Title ?? string.Empty, r.Complaint.ContractId, r.Complaint.ReviewId, r.Complaint.Text,
            r.Complaint.FiledAt, r.Complaint.Answer, r.Complaint.AnsweredAt, r.Version)).ToList();
    }
}
