using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.AuthorizationMatrix;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Matchboard.Web.Tests.AuthorizationMatrix.Cells;
using static Matchboard.Web.Tests.AuthorizationMatrix.Outcome;
using static Matchboard.Web.Tests.AuthorizationMatrix.Role;

namespace Matchboard.Web.Tests;

/// <summary>
/// Every API route and every page handler of the app, for every role: the status each must get, written here by
/// hand from the endpoint's declared policy and the object rules of its service (never recorded from responses),
/// and for every refused write, that no row of any table changed. The list of endpoints comes from the app's own
/// routing, so a new endpoint without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(MatchboardFactory factory, ITestOutputHelper output) : IClassFixture<MatchboardFactory>
{
    /// <summary>
    /// The matrix. Outsiders of a contract are the other association, the other group, the unverified group and,
    /// unless the row says otherwise, city staff. On pages a refusal of the domain (wrong side of a contract, a
    /// group that may not bid) shows the form again: <see cref="Outcome.Again"/>.
    /// </summary>
    private static IEnumerable<MatrixRow> Rows()
    {
        // ---- Accounts (Identity's endpoints under /api/auth, the caller's own data).
        yield return Api("POST /api/auth/login", Stage.Bidding, _ => To("/api/auth/login") with { Json = r => new { email = MatrixWorld.Emails.GetValueOrDefault(r, DemoAccounts.KizukiOfficer), password = DemoAccounts.Password } }, ApiPublic(Ok));
        yield return Api("POST /api/registrations", Stage.Bidding, _ => To("/api/registrations").WithJson(new { kind = "Association" }), ApiPublic(BadRequest));
        yield return Api("POST /api/auth/forgot-password", Stage.Bidding, _ => To("/api/auth/forgot-password").WithJson(new { email = "nobody@example.jp" }), ApiPublic(Accepted));
        yield return Api("POST /api/auth/reset-password", Stage.Bidding, _ => To("/api/auth/reset-password").WithJson(new { email = "nobody@example.jp", token = "forged", password = "Another-2026!" }), ApiPublic(BadRequest));
        yield return Api("POST /api/auth/refresh", Stage.Bidding, RefreshTokensAsync, ApiPublic(Ok));
        // Signing out ends a session: each cell signs in a throwaway session of its own and ends that one.
        yield return Api("POST /api/auth/logout", Stage.Bidding, _ => To("/api/auth/logout"), ApiMember(NoContent), OwnClient: true);
        yield return Api("GET /api/me", Stage.Bidding, _ => To("/api/me"), ApiMember(Ok));
        yield return Api("GET /api/me/email-preferences", Stage.Bidding, _ => To("/api/me/email-preferences"), ApiMember(Ok));
        yield return Api("PUT /api/me/email-preferences", Stage.Bidding, _ => To("/api/me/email-preferences").WithJson(new { types = Array.Empty<string>() }), ApiMember(Ok));
        // A civic group's own insurance declaration (any group, verified or not, may declare; other kinds are refused).
        yield return Api("GET /api/organizations/me/insurance", Stage.Bidding, _ => To("/api/organizations/me/insurance"), ApiGroup(bidder: Ok, other: Ok, unverified: Ok));
        yield return Api("PUT /api/organizations/me/insurance", Stage.Bidding, w => To("/api/organizations/me/insurance").WithJson(new { insurer = "あいおいニッセイ同和損保", validUntil = Today(w).AddDays(365) }), ApiGroup(bidder: Ok, other: Ok, unverified: Ok));
        yield return Api("GET /api/notifications", Stage.Bidding, _ => To("/api/notifications"), ApiMember(Ok));
        yield return Api("POST /api/notifications/read", Stage.Bidding, _ => To("/api/notifications/read").WithJson(new { upTo = 0 }), ApiMember(NoContent));

        // ---- Tasks, bids, questions: open to read; drafts exist only for their association; changes by the owner only.
        yield return Api("GET /api/tasks", Stage.Bidding, _ => To("/api/tasks"), ApiPublic(Ok));
        yield return Api("GET /api/tasks/{id:int}", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshDraftAsync()}"), ApiPublic(NotFound).With(OwnerAssociation, Ok));
        yield return Api("POST /api/tasks", Stage.Bidding, w => To("/api/tasks").WithJson(Requests.WatchOverTask(w.Factory.Clock.GetUtcNow())), ApiOfficer(owner: Created, other: Created));
        yield return Api("POST /api/tasks/{id:int}/publish", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshDraftAsync()}/publish"), ApiOfficer(owner: Ok, other: NotFound));
        yield return Api("POST /api/tasks/{id:int}/invitations", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync(withBid: false)}/invitations").WithJson(new { organizationId = w.BiddingGroupId }), ApiOfficer(owner: Created, other: Forbidden));
        yield return Api("POST /api/tasks/{id:int}/cancel", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/cancel"), ApiOfficer(owner: Ok, other: Forbidden));
        yield return Api("PUT /api/tasks/{id:int}", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}").WithJson(TaskEdit(w)), ApiOfficer(owner: Ok, other: Forbidden));
        yield return Api("GET /api/tasks/{id:int}/history", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshDraftAsync()}/history"), ApiPublic(NotFound).With(OwnerAssociation, Ok));
        yield return Api("GET /api/tasks/{taskId:int}/bids", Stage.Bidding, w => To($"/api/tasks/{w.OpenTaskId}/bids"), ApiOfficer(owner: Ok, other: Forbidden));
        yield return Api("GET /api/tasks/{id:int}/matches", Stage.Bidding, w => To($"/api/tasks/{w.OpenTaskId}/matches"), ApiOfficer(owner: Ok, other: Forbidden));
        yield return Api("GET /api/tasks/{taskId:int}/bids/mine", Stage.Bidding, w => To($"/api/tasks/{w.OpenTaskId}/bids/mine"), ApiGroup(bidder: Ok, other: NotFound, unverified: NotFound));
        yield return Api("POST /api/tasks/{taskId:int}/bids", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/bids").WithJson(Requests.Bid(150_000)), ApiGroup(bidder: Conflict, other: Created, unverified: Unprocessable));
        yield return Api("POST /api/tasks/{taskId:int}/bids/preview", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/bids/preview").WithJson(Requests.Bid(140_000)), ApiGroup(bidder: Ok, other: Ok, unverified: Unprocessable));
        yield return Api("PUT /api/tasks/{taskId:int}/bids/mine", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/bids/mine").WithJson(Requests.Bid(140_000)), ApiGroup(bidder: Ok, other: Conflict, unverified: Conflict));
        yield return Api("DELETE /api/tasks/{taskId:int}/bids/mine", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/bids/mine"), ApiGroup(bidder: NoContent, other: Conflict, unverified: Conflict));
        yield return Api("POST /api/tasks/{taskId:int}/bids/mine/confirm", Stage.Bidding, async w => To($"/api/tasks/{await w.FreshOpenTaskAsync()}/bids/mine/confirm"), ApiGroup(bidder: Ok, other: Conflict, unverified: Conflict));
        yield return Api("POST /api/tasks/{taskId:int}/questions", Stage.Bidding, w => To($"/api/tasks/{w.OpenTaskId}/questions").WithJson(new { text = "駐車場はありますか。" }), ApiGroup(bidder: Created, other: Created, unverified: Unprocessable));
        // Matching: any civic group's own ranked list (it reads only the caller's organization); nobody else has one.
        yield return Api("GET /api/matches/tasks", Stage.Bidding, _ => To("/api/matches/tasks"), ApiGroup(bidder: Ok, other: Ok, unverified: Ok));
        yield return Page("GET /Matches", Stage.Bidding, _ => To("/Matches"), PageGroup(bidder: Ok, other: Ok, unverified: Ok));
        yield return Api("POST /api/questions/{id:int}/answer", Stage.Bidding, async w => To($"/api/questions/{await w.FreshQuestionAsync()}/answer").WithJson(new { answer = "火曜日でお願いします。" }), ApiOfficer(owner: Ok, other: Forbidden));

        // ---- Individual supporters: associations list and ask; the supporter (the Supporter role, to whom every fresh
        // request is sent) answers; a request exists only for its association and its supporter.
        yield return Api("GET /api/supporters", Stage.Bidding, _ => To("/api/supporters?category=watch-over"), ApiOfficer(owner: Ok, other: Ok));
        yield return Api("GET /api/support-requests", Stage.Bidding, _ => To("/api/support-requests"), ApiMember(Forbidden).With(OwnerAssociation, Ok).With(OtherAssociation, Ok).With(Supporter, Ok));
        yield return Api("GET /api/support-requests/{id:int}", Stage.Bidding, async w => To($"/api/support-requests/{await w.FreshSupportRequestAsync()}"), ApiOfficer(owner: Ok, other: NotFound));
        yield return Api("POST /api/support-requests", Stage.Bidding, async w => To("/api/support-requests").WithJson(new { supporterId = await w.SupporterIdAsync(), taskId = await w.FreshOpenTaskAsync(withBid: false) }), ApiOfficer(owner: Created, other: Forbidden));
        yield return Api("POST /api/support-requests/{id:int}/withdraw", Stage.Bidding, async w => To($"/api/support-requests/{await w.FreshSupportRequestAsync()}/withdraw"), ApiOfficer(owner: Ok, other: NotFound));
        yield return Api("POST /api/support-requests/{id:int}/accept", Stage.Bidding, async w => To($"/api/support-requests/{await w.FreshSupportRequestAsync()}/accept"), Everyone(Forbidden).With(Anonymous, Unauthorized).With(Supporter, Ok));
        yield return Api("POST /api/support-requests/{id:int}/decline", Stage.Bidding, async w => To($"/api/support-requests/{await w.FreshSupportRequestAsync()}/decline"), Everyone(Forbidden).With(Anonymous, Unauthorized).With(Supporter, Ok));
        yield return Page("GET /Support", Stage.Bidding, _ => To("/Support"), PageOfficer(owner: Ok, other: Ok));
        yield return Page("POST /Support?handler=Send", Stage.Bidding, async w => To("/Support").WithForm(new() { ["supporterId"] = $"{await w.SupporterIdAsync()}", ["taskId"] = $"{await w.FreshOpenTaskAsync(withBid: false)}" }), PageOfficer(owner: Done, other: Forbidden));
        yield return Page("POST /Support?handler=Withdraw", Stage.Bidding, async w => To("/Support").WithForm(new() { ["requestId"] = $"{await w.FreshSupportRequestAsync()}" }), PageOfficer(owner: Done, other: NotFound));
        yield return Page("GET /Support/Requests", Stage.Bidding, _ => To("/Support/Requests"), Everyone(Forbidden).With(Anonymous, SignIn).With(Supporter, Ok));
        yield return Page("POST /Support/Requests?handler=Accept", Stage.Bidding, async w => To("/Support/Requests").WithForm(new() { ["requestId"] = $"{await w.FreshSupportRequestAsync()}" }), Everyone(Forbidden).With(Anonymous, SignIn).With(Supporter, Done));
        yield return Page("POST /Support/Requests?handler=Decline", Stage.Bidding, async w => To("/Support/Requests").WithForm(new() { ["requestId"] = $"{await w.FreshSupportRequestAsync()}" }), Everyone(Forbidden).With(Anonymous, SignIn).With(Supporter, Done));

        // ---- Award and contract: the two parties only; each side does its own part (the other side: 422).
        yield return Api("POST /api/tasks/{taskId:int}/award", Stage.Decided, w => { var (task, bid) = w.TaskAwaitingAward(); return To($"/api/tasks/{task}/award").WithJson(new { bidId = bid, rationale = "経験と訪問計画の丁寧さから決定しました。" }); }, ApiOfficer(owner: Ok, other: Forbidden));
        yield return Api("PUT /api/contracts/{id:int}/terms", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Awarded)}/terms").WithJson(ContractSteps.Terms), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("PUT /api/contracts/{id:int}/contacts/mine", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Awarded)}/contacts/mine").WithJson(ContractSteps.Contact("担当 一郎")), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/sign", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.ReadyToSign)}/sign"), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/deliver", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Active)}/deliver").WithJson(new { note = "訪問を終えました。" }), ApiParties(owner: Unprocessable, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/accept", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Delivered)}/accept"), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/request-changes", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Delivered)}/request-changes").WithJson(new { reason = "報告書の添付をお願いします。" }), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/terminate", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Active)}/terminate").WithJson(new { reason = "続けられなくなりました。" }), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden), FreshPerCell: true);
        yield return Api("POST /api/contracts/{id:int}/reviews", Stage.Decided, async w => To($"/api/contracts/{await w.ContractAsync(ContractState.Ended)}/reviews").WithJson(new { rating = 4, comment = "丁寧でした。" }), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/reviews/{reviewId:int}/reply", Stage.Decided, async w => { var (c, review) = await w.ReviewOfOwnerAsync(); return To($"/api/contracts/{c}/reviews/{review}/reply").WithJson(new { text = "ありがとうございました。" }); }, ApiParties(owner: Ok, bidder: Conflict, outsiders: Forbidden));
        yield return Api("GET /api/public/groups", Stage.Decided, _ => To("/api/public/groups?ward=nakahara"), ApiPublic(Ok));
        yield return Api("GET /api/public/awards", Stage.Decided, _ => To("/api/public/awards?ward=nakahara"), ApiPublic(Ok));
        yield return Api("GET /api/public/awards.csv", Stage.Decided, _ => To("/api/public/awards.csv?ward=nakahara"), ApiPublic(Ok));
        // ---- The audit log: head and past hashes for anyone (sealed first, so there is a head); the full log and its check for city staff.
        yield return Api("GET /api/public/audit/head", Stage.Decided, async w => { await SealAuditAsync(w); return To("/api/public/audit/head"); }, ApiPublic(Ok));
        yield return Api("GET /api/public/audit/{sequence:long}", Stage.Decided, async w => { await SealAuditAsync(w); return To("/api/public/audit/1"); }, ApiPublic(Ok));
        yield return Api("GET /api/city/audit", Stage.Decided, _ => To("/api/city/audit?pageSize=5"), ApiCity(Ok));
        yield return Api("GET /api/city/audit/verify", Stage.Decided, _ => To("/api/city/audit/verify"), ApiCity(Ok));
        yield return Page("GET /City/Audit", Stage.Decided, _ => To("/City/Audit"), PageCity(Ok));
        // Open data (OCDS): anyone, signed in or not (drafts are 404 to everyone: OpenDataTests).
        yield return Api("GET /api/public/ocds/releases", Stage.Decided, _ => To("/api/public/ocds/releases"), ApiPublic(Ok));
        yield return Api("GET /api/public/ocds/tasks/{id:int}", Stage.Bidding, w => To($"/api/public/ocds/tasks/{w.OpenTaskId}"), ApiPublic(Ok));
        yield return Api("GET /api/organizations/{id:int}/reviews", Stage.Decided, w => To($"/api/organizations/{w.OwnerId}/reviews"), ApiPublic(Ok));
        yield return Api("POST /api/contracts/{id:int}/withdraw-award", Stage.Late, w => To($"/api/contracts/{w.StaleAward()}/withdraw-award").WithJson(new { reason = "署名の期限を過ぎたため。" }), ApiParties(owner: Ok, bidder: Forbidden, outsiders: Forbidden));

        // ---- The work under contract: the parties only; city staff see the contract itself, not the residents.
        yield return Api("GET /api/contracts/{id:int}", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}"), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden).With(CityStaff, Ok));
        yield return Api("GET /api/contracts/{id:int}/reviews", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}/reviews"), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("GET /api/contracts/{id:int}/visits", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}/visits"), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/visits", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}/visits").WithJson(new { householdId = w.WorkHouseholdId, visitedAt = w.Factory.Clock.GetUtcNow(), visitorName = "訪問員 山田", status = "Ok" }), ApiParties(owner: Unprocessable, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/visits/{visitId:int}/move", Stage.Work, w => { var v = w.FreshVisit(); return To($"/api/contracts/{w.WorkContractId}/visits/{v.Id}/move").WithJson(new { date = v.Date.AddDays(1) }); }, ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/visits/{visitId:int}/propose", Stage.Work, w => { var v = w.FreshVisit(); return To($"/api/contracts/{w.WorkContractId}/visits/{v.Id}/propose").WithJson(new { date = v.Date.AddDays(1) }); }, ApiParties(owner: Unprocessable, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/visits/{visitId:int}/accept-proposal", Stage.Work, async w => To($"/api/contracts/{w.WorkContractId}/visits/{await w.VisitWithProposalAsync()}/accept-proposal"), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/households", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}/households").WithJson(new { label = "C-11 木月三丁目" }), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/households/{householdId:int}/consent", Stage.Work, async w => To($"/api/contracts/{w.WorkContractId}/households/{await w.FreshHouseholdAsync()}/consent").WithJson(new { consentDate = Domain.JapanTime.DateOf(w.Factory.Clock.GetUtcNow()), consentMethod = "InWriting" }), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));
        yield return Api("POST /api/contracts/{id:int}/households/{householdId:int}/visitor", Stage.Work, w => To($"/api/contracts/{w.WorkContractId}/households/{w.WorkHouseholdId}/visitor").WithJson(new { visitorName = "訪問員 佐藤" }), ApiParties(owner: Unprocessable, bidder: Ok, outsiders: Forbidden));
        yield return Api("GET /api/alerts", Stage.Work, _ => To("/api/alerts"), ApiMember(Ok).With(Supporter, Forbidden));
        yield return Api("GET /api/alerts/{id:int}", Stage.Work, w => To($"/api/alerts/{w.AlertId}"), ApiParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Api("POST /api/alerts/{id:int}/acknowledge", Stage.Work, async w => To($"/api/alerts/{await w.FreshAlertAsync()}/acknowledge").WithJson(new { note = "電話で様子を確かめました。" }), ApiParties(owner: Ok, bidder: Unprocessable, outsiders: Forbidden));

        // ---- Pages anyone may open.
        yield return Page("GET /", Stage.Bidding, _ => To("/"), PagePublic(Ok));
        yield return Page("GET /Tasks", Stage.Bidding, _ => To("/Tasks"), PagePublic(Ok));
        yield return Page("GET /Tasks?handler=List", Stage.Bidding, _ => To("/Tasks"), PagePublic(Ok));
        yield return Page("GET /Groups", Stage.Decided, _ => To("/Groups"), PagePublic(Ok));
        yield return Page("GET /Awards", Stage.Decided, _ => To("/Awards"), PagePublic(Ok));
        yield return Page("GET /Organizations/{id:int}", Stage.Decided, w => To($"/Organizations/{w.OwnerId}"), PagePublic(Ok));
        yield return Page("GET /Errors/{code:int}", Stage.Bidding, _ => To("/Errors/404"), PagePublic(NotFound));
        yield return Page("POST /Errors/{code:int}", Stage.Bidding, _ => To("/Errors/404"), PagePublic(NotFound));
        yield return Page("GET /Language", Stage.Bidding, _ => To("/Language"), PagePublic(Done));
        yield return Page("POST /Language", Stage.Bidding, _ => To("/Language").WithForm(new() { ["culture"] = "ja", ["returnUrl"] = "/" }), PagePublic(Done));

        // The mail drop exists in Development only.
        yield return Page("GET /MailDrop/{name?}", Stage.Bidding, _ => To("/MailDrop"), PagePublic(NotFound));
        yield return Page("GET /Accounts/SignIn", Stage.Bidding, _ => To("/Accounts/SignIn"), PagePublic(Ok));
        yield return Page("POST /Accounts/SignIn", Stage.Bidding, _ => To("/Accounts/SignIn") with { Form = r => new() { ["Email"] = MatrixWorld.Emails.GetValueOrDefault(r, DemoAccounts.KizukiOfficer), ["Password"] = DemoAccounts.Password } }, PagePublic(Done), OwnClient: true);
        yield return Page("GET /Accounts/SetPassword", Stage.Bidding, _ => To("/Accounts/SetPassword?email=nobody%40example.jp&token=forged"), PagePublic(Ok));
        yield return Page("POST /Accounts/SetPassword", Stage.Bidding, _ => To("/Accounts/SetPassword?email=nobody%40example.jp&token=forged").WithForm(new() { ["Password"] = "Another-2026!", ["ConfirmPassword"] = "Another-2026!" }), PagePublic(Ok));
        yield return Page("GET /Accounts/ResetPassword", Stage.Bidding, _ => To("/Accounts/ResetPassword?email=nobody%40example.jp&token=forged"), PagePublic(Ok));
        yield return Page("POST /Accounts/ResetPassword", Stage.Bidding, _ => To("/Accounts/ResetPassword?email=nobody%40example.jp&token=forged").WithForm(new() { ["Password"] = "Another-2026!", ["ConfirmPassword"] = "Another-2026!" }), PagePublic(Ok));
        yield return Page("GET /Accounts/ForgotPassword", Stage.Bidding, _ => To("/Accounts/ForgotPassword"), PagePublic(Ok));
        yield return Page("POST /Accounts/ForgotPassword", Stage.Bidding, _ => To("/Accounts/ForgotPassword").WithForm(new() { ["Email"] = "nobody@example.jp" }), PagePublic(Ok));
        yield return Page("GET /Accounts/ConfirmEmail", Stage.Bidding, _ => To("/Accounts/ConfirmEmail?userId=nobody&code=forged"), PagePublic(Ok));
        yield return Page("POST /Accounts/ConfirmEmail", Stage.Bidding, _ => To("/Accounts/ConfirmEmail?userId=nobody&code=forged").WithForm(new()), PagePublic(BadRequest));
        yield return Page("GET /Join", Stage.Bidding, _ => To("/Join"), PagePublic(Ok));
        yield return Page("POST /Join", Stage.Bidding, _ => To("/Join?kind=Association").WithForm(new() { ["Input.Name"] = string.Empty }), PagePublic(Ok));
        yield return Page("GET /Join/Sent", Stage.Bidding, _ => To("/Join/Sent"), PagePublic(Ok));
        yield return Page("GET /Privacy", Stage.Bidding, _ => To("/Privacy"), PagePublic(Ok));
        yield return Page("GET /Terms", Stage.Bidding, _ => To("/Terms"), PagePublic(Ok));
        yield return Page("GET /Contact", Stage.Bidding, _ => To("/Contact"), PagePublic(Ok));
        yield return Page("GET /About", Stage.Bidding, _ => To("/About"), PagePublic(Ok));
        yield return Page("GET /Accounts/SignOut", Stage.Bidding, _ => To("/Accounts/SignOut"), PagePublic(Ok));
        yield return Page("POST /Accounts/SignOut", Stage.Bidding, _ => To("/Accounts/SignOut"), PagePublic(Done), OwnClient: true);

        // ---- Member pages: the user's own things.
        yield return Page("GET /Accounts/EmailSettings", Stage.Bidding, _ => To("/Accounts/EmailSettings"), PageMember(Ok));
        yield return Page("POST /Accounts/EmailSettings", Stage.Bidding, _ => To("/Accounts/EmailSettings"), PageMember(Done));
        yield return Page("GET /Notifications", Stage.Bidding, _ => To("/Notifications"), PageMember(Ok));
        yield return Page("GET /Notifications?handler=List", Stage.Bidding, _ => To("/Notifications"), PageMember(Ok));
        yield return Page("POST /Notifications?handler=ReadAll", Stage.Bidding, _ => To("/Notifications").WithForm(new() { ["upTo"] = "0" }), PageMember(Done));
        yield return Page("GET /Contracts", Stage.Bidding, _ => To("/Contracts"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("GET /Contracts?handler=List", Stage.Bidding, _ => To("/Contracts"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("GET /Alerts", Stage.Work, _ => To("/Alerts"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("GET /Alerts?handler=List", Stage.Work, _ => To("/Alerts"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("GET /Organizations/Profile", Stage.Bidding, _ => To("/Organizations/Profile"), PageMember(Ok));

        // The service profile is a civic group's (associations and the city: the domain refuses).
        yield return Page("POST /Organizations/Profile", Stage.Bidding, _ => To("/Organizations/Profile").WithForm(new() { ["Input.Categories"] = "watch-over", ["Input.WardsServed"] = "nakahara", ["Input.Capacity"] = "20" }), PageMember(Again).With(BiddingGroup, Done).With(OtherGroup, Done).With(UnverifiedGroup, Done));
        yield return Page("POST /Organizations/Profile?handler=Insurance", Stage.Bidding, w => To("/Organizations/Profile").WithForm(new() { ["Insurance.Insurer"] = "あいおいニッセイ同和損保", ["Insurance.ValidUntil"] = $"{Today(w).AddDays(365):yyyy-MM-dd}" }), PageMember(Again).With(BiddingGroup, Done).With(OtherGroup, Done).With(UnverifiedGroup, Done));

        // ---- Officer pages.
        yield return Page("GET /Tasks/Mine", Stage.Bidding, _ => To("/Tasks/Mine"), PageOfficer(owner: Ok, other: Ok));
        yield return Page("GET /Tasks/Mine?handler=List", Stage.Bidding, _ => To("/Tasks/Mine"), PageOfficer(owner: Ok, other: Ok));
        yield return Page("GET /Tasks/New", Stage.Bidding, _ => To("/Tasks/New"), PageOfficer(owner: Ok, other: Ok));
        yield return Page("POST /Tasks/New?handler=Preview", Stage.Bidding, w => To("/Tasks/New").WithForm(TaskForm(w)), PageOfficer(owner: Ok, other: Ok));
        yield return Page("POST /Tasks/New?handler=Edit", Stage.Bidding, w => To("/Tasks/New").WithForm(TaskForm(w)), PageOfficer(owner: Ok, other: Ok));
        yield return Page("POST /Tasks/New?handler=Save", Stage.Bidding, w => To("/Tasks/New").WithForm(new(TaskForm(w)) { ["publish"] = "true" }), PageOfficer(owner: Done, other: Done));

        // ---- Civic group pages.
        yield return Page("GET /Bids/Mine", Stage.Bidding, _ => To("/Bids/Mine"), PageGroup(bidder: Ok, other: Ok, unverified: Ok));
        yield return Page("GET /Bids/Mine?handler=List", Stage.Bidding, _ => To("/Bids/Mine"), PageGroup(bidder: Ok, other: Ok, unverified: Ok));

        // ---- A task's page: anyone reads an open task; a draft exists for its association only; the bids region is the owner's.
        yield return Page("GET /Tasks/{id:int}", Stage.Bidding, async w => To($"/Tasks/{await w.FreshDraftAsync()}"), PagePublic(NotFound).With(OwnerAssociation, Ok));
        yield return Page("GET /Tasks/{id:int}?handler=Region", Stage.Bidding, w => To($"/Tasks/{w.OpenTaskId}?name=bids"), PagePublic(NotFound).With(OwnerAssociation, Ok));
        yield return Page("POST /Tasks/{id:int}?handler=Ask", Stage.Bidding, w => To($"/Tasks/{w.OpenTaskId}").WithForm(new() { ["Ask.Text"] = "駐車場はありますか。" }), TaskForm(Again).With(BiddingGroup, Done).With(OtherGroup, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Answer", Stage.Bidding, async w => To($"/Tasks/{w.OpenTaskId}").WithForm(new() { ["questionId"] = $"{await w.FreshQuestionAsync()}", ["answer"] = "火曜日でお願いします。" }), TaskForm(Forbidden).With(OwnerAssociation, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Bid", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}").WithForm(BidForm()), TaskForm(Again).With(BiddingGroup, Done).With(OtherGroup, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Preview", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}").WithForm(BidForm()), TaskForm(Again));
        yield return Page("POST /Tasks/{id:int}?handler=Withdraw", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}").WithForm(new() { ["confirm"] = "true" }), TaskForm(Again).With(BiddingGroup, Done));
        yield return Page("POST /Tasks/{id:int}?handler=ConfirmBid", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}").WithForm([]), TaskForm(Again).With(BiddingGroup, Done));
        yield return Page("GET /Tasks/{id:int}/Edit", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}/Edit"), PageOfficer(owner: Ok, other: Forbidden));
        yield return Page("POST /Tasks/{id:int}/Edit", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}/Edit").WithForm(TaskForm(w)), PageOfficer(owner: Done, other: Forbidden));
        yield return Page("POST /Tasks/{id:int}/Edit?handler=Preview", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}/Edit").WithForm(TaskForm(w)), PageOfficer(owner: Ok, other: Forbidden));
        yield return Page("POST /Tasks/{id:int}/Edit?handler=Edit", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}/Edit").WithForm(TaskForm(w)), PageOfficer(owner: Ok, other: Forbidden));
        yield return Page("POST /Tasks/{id:int}?handler=Publish", Stage.Bidding, async w => To($"/Tasks/{await w.FreshDraftAsync()}"), TaskForm(NotFound).With(OwnerAssociation, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Invite", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync(withBid: false)}").WithForm(new() { ["organizationId"] = $"{w.BiddingGroupId}" }), TaskForm(Forbidden).With(OwnerAssociation, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Cancel", Stage.Bidding, async w => To($"/Tasks/{await w.FreshOpenTaskAsync()}").WithForm(new() { ["confirm"] = "true" }), TaskForm(Forbidden).With(OwnerAssociation, Done));
        yield return Page("POST /Tasks/{id:int}?handler=Award", Stage.Decided, w => { var (task, bid) = w.TaskAwaitingAward(); return To($"/Tasks/{task}").WithForm(new() { ["Award.BidId"] = $"{bid}", ["Award.Rationale"] = "経験と訪問計画の丁寧さから決定しました。", ["Award.Confirm"] = "true" }); }, TaskForm(Forbidden).With(OwnerAssociation, Done));

        // ---- A contract's page: the parties, and city staff may read it; each side does its own part.
        yield return Page("POST /Contracts/{id:int}?handler=Terms", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Awarded)}").WithForm(new() { ["Terms.PaymentTiming"] = "OnCompletion", ["Terms.PaymentNote"] = "翌月末までに振り込みます。", ["Terms.Insurance"] = "団体が保険に加入します。" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Contact", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Awarded)}").WithForm(new() { ["Contact.Name"] = "担当 一郎", ["Contact.Phone"] = "044-000-0000", ["Contact.Email"] = "contact@example.jp" }), PageParties(owner: Done, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Sign", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.ReadyToSign)}").WithForm(new() { ["Agree"] = "true" }), PageParties(owner: Done, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Deliver", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Active)}").WithForm(new() { ["DeliveryNote"] = "訪問を終えました。" }), PageParties(owner: Again, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Accept", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Delivered)}"), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=RequestChanges", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Delivered)}").WithForm(new() { ["ChangesReason"] = "報告書の添付をお願いします。" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Terminate", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Active)}").WithForm(new() { ["TerminateReason"] = "続けられなくなりました。" }), PageParties(owner: Done, bidder: Done, outsiders: Forbidden), FreshPerCell: true);
        yield return Page("POST /Contracts/{id:int}?handler=Review", Stage.Decided, async w => To($"/Contracts/{await w.ContractAsync(ContractState.Ended)}").WithForm(new() { ["Review.Rating"] = "4", ["Review.Comment"] = "丁寧でした。" }), PageParties(owner: Done, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}?handler=Reply", Stage.Decided, async w => { var (c, review) = await w.ReviewOfOwnerAsync(); return To($"/Contracts/{c}").WithForm(new() { ["Reply.ReviewId"] = $"{review}", ["Reply.Text"] = "ありがとうございました。" }); }, PageParties(owner: Done, bidder: Again, outsiders: Forbidden));

        // ---- Complaints (苦情) to the city: either party files about a contract; the filer and city staff read it; city staff answer.
        yield return Api("POST /api/complaints", Stage.Decided, async w => To("/api/complaints").WithJson(new { subject = "Conduct", contractId = await w.ContractAsync(ContractState.Awarded), text = "連絡が遅れがちです。" }), ApiParties(owner: Created, bidder: Created, outsiders: Forbidden));
        // A supporter bids on nothing and is party to no contract: the marketplace policy keeps it out of complaints.
        yield return Api("GET /api/complaints", Stage.Decided, _ => To("/api/complaints"), ApiMember(Ok).With(Supporter, Forbidden));
        yield return Api("GET /api/complaints/{id:int}", Stage.Decided, async w => To($"/api/complaints/{(await w.FreshComplaintAsync()).Id}"), ApiParties(owner: Ok, bidder: Forbidden, outsiders: Forbidden).With(CityStaff, Ok));
        yield return Api("GET /api/city/complaints", Stage.Decided, _ => To("/api/city/complaints"), ApiCity(Ok));
        yield return Api("GET /api/city/complaints/counts", Stage.Decided, _ => To("/api/city/complaints/counts"), ApiCity(Ok));
        yield return Api("POST /api/city/complaints/{id:int}/answer", Stage.Decided, async w => { var c = await w.FreshComplaintAsync(); return To($"/api/city/complaints/{c.Id}/answer").WithJson(new { answer = "事情を伺いました。", version = c.Version }); }, ApiCity(Ok));
        yield return Page("GET /Complaints/New", Stage.Decided, async w => To($"/Complaints/New?subject=Conduct&contractId={await w.ContractAsync(ContractState.Awarded)}"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("POST /Complaints/New", Stage.Decided, async w => To("/Complaints/New").WithForm(new() { ["Subject"] = "Conduct", ["ContractId"] = $"{await w.ContractAsync(ContractState.Awarded)}", ["Text"] = "連絡が遅れがちです。" }), PageParties(owner: Done, bidder: Done, outsiders: Forbidden));
        yield return Page("GET /Complaints", Stage.Decided, _ => To("/Complaints"), PageMember(Ok).With(Supporter, Forbidden));
        yield return Page("GET /Complaints/{id:int}", Stage.Decided, async w => To($"/Complaints/{(await w.FreshComplaintAsync()).Id}"), PageParties(owner: Ok, bidder: Forbidden, outsiders: Forbidden).With(CityStaff, Ok));
        yield return Page("GET /City/Complaints", Stage.Decided, _ => To("/City/Complaints"), PageCity(Ok));
        yield return Page("POST /City/Complaints?handler=Answer", Stage.Decided, async w => { var c = await w.FreshComplaintAsync(); return To("/City/Complaints").WithForm(new() { ["complaintId"] = $"{c.Id}", ["answer"] = "事情を伺いました。", ["version"] = $"{c.Version}" }); }, PageCity(Done));

        // ---- Review moderation: anyone signed in reports a released review once; city staff hide one with a reason.
        yield return Api("POST /api/reviews/{reviewId:int}/reports", Stage.Decided, async w => To($"/api/reviews/{(await w.ReviewOfOwnerAsync()).ReviewId}/reports").WithJson(new { reason = "不適切な表現があります。" }), ApiMember(NoContent));
        yield return Api("GET /api/city/review-reports", Stage.Decided, _ => To("/api/city/review-reports"), ApiCity(Ok));
        yield return Api("POST /api/city/reviews/{reviewId:int}/hide", Stage.Decided, async w => To($"/api/city/reviews/{(await w.ReviewOfOwnerAsync()).ReviewId}/hide").WithJson(new { reason = "個人への侮辱を含むため" }), ApiCity(NoContent));
        yield return Page("GET /Reviews/{reviewId:int}/Report", Stage.Decided, async w => To($"/Reviews/{(await w.ReviewOfOwnerAsync()).ReviewId}/Report"), PageMember(Ok));
        yield return Page("POST /Reviews/{reviewId:int}/Report", Stage.Decided, async w => To($"/Reviews/{(await w.ReviewOfOwnerAsync()).ReviewId}/Report").WithForm(new() { ["Reason"] = "不適切な表現があります。" }), PageMember(Done));
        yield return Page("GET /City/ReviewReports", Stage.Decided, _ => To("/City/ReviewReports"), PageCity(Ok));
        yield return Page("POST /City/ReviewReports?handler=Hide", Stage.Decided, async w => To("/City/ReviewReports").WithForm(new() { ["reviewId"] = $"{(await w.ReviewOfOwnerAsync()).ReviewId}", ["reason"] = "個人への侮辱を含むため" }), PageCity(Done));
        yield return Page("POST /Contracts/{id:int}?handler=WithdrawAward", Stage.Late, w => To($"/Contracts/{w.StaleAward()}").WithForm(new() { ["WithdrawReason"] = "署名の期限を過ぎたため。" }), PageParties(owner: Done, bidder: Forbidden, outsiders: Forbidden));
        yield return Page("GET /Contracts/{id:int}", Stage.Work, w => To($"/Contracts/{w.WorkContractId}"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden).With(CityStaff, Ok));
        yield return Page("GET /Contracts/{id:int}?handler=Status", Stage.Work, w => To($"/Contracts/{w.WorkContractId}"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden).With(CityStaff, Ok));

        // ---- The work pages: the two parties only (city staff too are outsiders: residents' data).
        yield return Page("GET /Contracts/{id:int}/Work", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Work"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Page("GET /Contracts/{id:int}/Work?handler=Section", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Work"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=Household", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["Label"] = "D-02 木月三丁目" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=Consent", Stage.Work, async w => To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["householdId"] = $"{await w.FreshHouseholdAsync()}", ["ConsentDate"] = $"{Domain.JapanTime.DateOf(w.Factory.Clock.GetUtcNow()):yyyy-MM-dd}", ["ConsentMethod"] = "InWriting" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=Visitor", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["householdId"] = $"{w.WorkHouseholdId}", ["VisitorName"] = "訪問員 鈴木" }), PageParties(owner: Again, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=Move", Stage.Work, w => { var v = w.FreshVisit(); return To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["visitId"] = $"{v.Id}", ["Date"] = $"{v.Date.AddDays(1):yyyy-MM-dd}" }); }, PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=Propose", Stage.Work, w => { var v = w.FreshVisit(); return To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["visitId"] = $"{v.Id}", ["Date"] = $"{v.Date.AddDays(1):yyyy-MM-dd}" }); }, PageParties(owner: Again, bidder: Done, outsiders: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Work?handler=AcceptProposal", Stage.Work, async w => To($"/Contracts/{w.WorkContractId}/Work").WithForm(new() { ["visitId"] = $"{await w.VisitWithProposalAsync()}" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));
        yield return Page("GET /Contracts/{id:int}/Round", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Round"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Page("GET /Contracts/{id:int}/Report", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Report"), PageGroup(bidder: Ok, other: Forbidden, unverified: Forbidden));
        yield return Page("POST /Contracts/{id:int}/Report", Stage.Work, w => To($"/Contracts/{w.WorkContractId}/Report").WithForm(new() { ["Input.PlannedVisitId"] = $"{w.TodayVisitId}", ["Input.VisitorName"] = "訪問員 山田", ["Input.Status"] = "Ok", ["Input.Health"] = "Fine", ["Input.Meals"] = "Fine", ["Input.Sleep"] = "Fine", ["Input.GoingOut"] = "Fine", ["Input.DailyLife"] = "Fine", ["Input.Worries"] = "Fine" }), PageGroup(bidder: Done, other: Forbidden, unverified: Forbidden));
        yield return Page("GET /Alerts/{id:int}", Stage.Work, w => To($"/Alerts/{w.AlertId}"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Page("GET /Alerts/{id:int}?handler=State", Stage.Work, w => To($"/Alerts/{w.AlertId}"), PageParties(owner: Ok, bidder: Ok, outsiders: Forbidden));
        yield return Page("POST /Alerts/{id:int}?handler=Acknowledge", Stage.Work, async w => To($"/Alerts/{await w.FreshAlertAsync()}").WithForm(new() { ["Note"] = "電話で様子を確かめました。" }), PageParties(owner: Done, bidder: Again, outsiders: Forbidden));

        // ---- The team: each caller's own organization; another's invitation or member is not found.
        yield return Api("GET /api/team", Stage.Bidding, _ => To("/api/team"), ApiMember(Ok));
        yield return Api("POST /api/team/invitations", Stage.Bidding, _ => To("/api/team/invitations").WithJson(new { email = "matrix.api-invited@example.jp" }), ApiMember(Created).With(Supporter, Forbidden));
        yield return Api("DELETE /api/team/invitations/{id:int}", Stage.Bidding, async w => To($"/api/team/invitations/{await w.FreshInvitationAsync()}"), ApiMember(NotFound).With(OwnerAssociation, NoContent));
        yield return Api("DELETE /api/team/members/{userId}", Stage.Bidding, async w => To($"/api/team/members/{await w.FreshMemberAsync()}"), ApiMember(NotFound).With(OwnerAssociation, NoContent));
        yield return Api("POST /api/invitations/accept", Stage.Bidding, async w => { var token = await w.FreshInvitationTokenAsync(); return To("/api/invitations/accept").WithJson(new { token, displayName = "招待 太郎", password = "Invited-2026!" }); }, ApiPublic(Ok), FreshPerCell: true);
        yield return Page("GET /Team", Stage.Bidding, _ => To("/Team"), PageMember(Ok));
        yield return Page("POST /Team?handler=Invite", Stage.Bidding, _ => To("/Team").WithForm(new() { ["Email"] = "matrix.page-invited@example.jp" }), PageMember(Done).With(Supporter, Forbidden));
        yield return Page("POST /Team?handler=Revoke", Stage.Bidding, async w => To("/Team").WithForm(new() { ["invitationId"] = $"{await w.FreshInvitationAsync()}" }), PageMember(NotFound).With(OwnerAssociation, Done));
        yield return Page("POST /Team?handler=Remove", Stage.Bidding, async w => To("/Team").WithForm(new() { ["userId"] = await w.FreshMemberAsync() }), PageMember(NotFound).With(OwnerAssociation, Done));
        yield return Page("GET /Team/Join", Stage.Bidding, _ => To("/Team/Join?token=forged"), PagePublic(Ok));
        yield return Page("POST /Team/Join", Stage.Bidding, _ => To("/Team/Join?token=forged").WithForm(new() { ["DisplayName"] = "誰か", ["Password"] = "Forged-2026!", ["ConfirmPassword"] = "Forged-2026!" }), PagePublic(Again));

        // ---- City staff look after accounts (fresh members of the owner association, so no role loses its own).
        yield return Api("GET /api/city/accounts", Stage.Bidding, _ => To("/api/city/accounts"), ApiCity(Ok));
        yield return Api("GET /api/city/accounts/{userId}", Stage.Bidding, w => To($"/api/city/accounts/{w.OwnerUserId}"), ApiCity(Ok));
        yield return Api("POST /api/city/accounts/{userId}/deactivate", Stage.Bidding, async w => To($"/api/city/accounts/{await w.FreshMemberAsync()}/deactivate").WithJson(new { reason = "退任されたため。" }), ApiCity(Ok));
        yield return Api("POST /api/city/accounts/{userId}/reactivate", Stage.Bidding, async w => To($"/api/city/accounts/{await w.FreshDeactivatedMemberAsync()}/reactivate"), ApiCity(Ok));
        yield return Api("POST /api/city/accounts/{userId}/recovery-link", Stage.Bidding, async w => To($"/api/city/accounts/{await w.FreshMemberAsync()}/recovery-link"), ApiCity(Accepted));
        yield return Page("GET /City/Accounts", Stage.Bidding, _ => To("/City/Accounts"), PageCity(Ok));
        yield return Page("POST /City/Accounts?handler=Deactivate", Stage.Bidding, async w => To("/City/Accounts").WithForm(new() { ["userId"] = await w.FreshMemberAsync(), ["reason"] = "退任されたため。" }), PageCity(Done));
        yield return Page("POST /City/Accounts?handler=Reactivate", Stage.Bidding, async w => To("/City/Accounts").WithForm(new() { ["userId"] = await w.FreshDeactivatedMemberAsync() }), PageCity(Done));
        yield return Page("POST /City/Accounts?handler=Recovery", Stage.Bidding, async w => To("/City/Accounts").WithForm(new() { ["userId"] = await w.FreshMemberAsync() }), PageCity(Done));

        // ---- City staff: the verification of groups, last (it changes what "unverified" means).
        yield return Page("GET /City", Stage.End, _ => To("/City"), PageCity(Ok));
        yield return Page("GET /City/Dashboard", Stage.End, _ => To("/City/Dashboard"), PageCity(Ok));
        yield return Page("GET /City/Dashboard?handler=Csv", Stage.End, _ => To("/City/Dashboard?handler=Csv&table=wards"), PageCity(Ok));
        yield return Api("GET /api/city/dashboard", Stage.End, _ => To("/api/city/dashboard"), ApiCity(Ok));
        yield return Page("GET /City/Organizations/{id:int}", Stage.End, w => To($"/City/Organizations/{w.UnverifiedGroupId}"), PageCity(Ok));
        yield return Page("POST /City/Organizations/{id:int}?handler=Confirm", Stage.End, async w => To($"/City/Organizations/{w.UnverifiedGroupId}").WithForm(new() { ["Decision"] = "Verified", ["Version"] = $"{await VersionOfAsync(w, w.UnverifiedGroupId)}" }), PageCity(Ok));
        yield return Page("POST /City/Organizations/{id:int}?handler=Decide", Stage.End, async w => { var (id, _) = await VerificationSetup.NewGroupAsync(w.Factory); return To($"/City/Organizations/{id}").WithForm(new() { ["Decision"] = "Declined", ["Reason"] = "書類が足りません。", ["Version"] = $"{await VersionOfAsync(w, id)}" }); }, PageCity(Done));
        yield return Api("GET /api/city/verification", Stage.End, _ => To("/api/city/verification"), ApiCity(Ok));
        yield return Api("GET /api/city/verification/verified-groups", Stage.End, _ => To("/api/city/verification/verified-groups"), ApiCity(Ok));
        yield return Api("GET /api/city/verification/{organizationId:int}", Stage.End, w => To($"/api/city/verification/{w.UnverifiedGroupId}"), ApiCity(Ok));
        yield return Api("POST /api/city/verification/{organizationId:int}/decisions", Stage.End, async w => { var (id, _) = await VerificationSetup.NewGroupAsync(w.Factory); return To($"/api/city/verification/{id}/decisions").WithJson(new { decision = "InformationRequested", reason = "規約を送ってください。", version = await VersionOfAsync(w, id) }); }, ApiCity(Ok));

        // ---- An organization's own verification page and documents: its members and city staff only.
        yield return Page("GET /Organizations/Verification", Stage.End, _ => To("/Organizations/Verification"), PageMember(Ok).With(CityStaff, Done));
        yield return Page("POST /Organizations/Verification", Stage.End, _ => To("/Organizations/Verification").WithForm(new() { ["DocumentKind"] = "Articles" }), PageMember(Again).With(CityStaff, NotFound));
        yield return Api("GET /api/verification/mine", Stage.End, _ => To("/api/verification/mine"), ApiMember(Ok));
        // A text file named .pdf: every member is refused (422) before anything is stored; the accepted files have their own tests.
        yield return Api("POST /api/verification/mine/documents", Stage.End, _ => To("/api/verification/mine/documents").WithContent(() => new MultipartFormDataContent { { new StringContent("Articles"), "kind" }, { new ByteArrayContent("not a pdf"u8.ToArray()), "file", "規約.pdf" } }), ApiMember(Unprocessable).With(CityStaff, Forbidden));
        yield return Api("GET /api/verification/documents/{id:int}", Stage.End, async w => To($"/api/verification/documents/{await DocumentOfUnverifiedGroupAsync(w)}"), ApiMember(NotFound).With(UnverifiedGroup, Ok).With(CityStaff, Ok));

        // ---- City staff: the certification mark. Suspending and revoking take certified groups other than the bidder.
        yield return Api("GET /api/organizations/{id:int}/certification", Stage.End, w => To($"/api/organizations/{w.UnverifiedGroupId}/certification"), ApiCity(Ok));
        yield return Api("POST /api/organizations/{id:int}/certification", Stage.End, w => To($"/api/organizations/{w.UnverifiedGroupId}/certification").WithJson(new { number = "川崎市認証 第2026-0900号", validFrom = Today(w), validTo = Today(w).AddDays(365) }), ApiCity(Ok));
        yield return Api("POST /api/organizations/{id:int}/certification/suspend", Stage.End, async w => To($"/api/organizations/{await CertifiedGroupAsync(w, first: false)}/certification/suspend").WithJson(new { reason = "調査のため一時停止します。" }), ApiCity(Ok));
        yield return Api("POST /api/organizations/{id:int}/certification/revoke", Stage.End, async w => To($"/api/organizations/{await CertifiedGroupAsync(w, first: true)}/certification/revoke").WithJson(new { reason = "取り消します。" }), ApiCity(Ok));
        yield return Page("GET /City/Organizations/{id:int}/Certification", Stage.End, w => To($"/City/Organizations/{w.UnverifiedGroupId}/Certification"), PageCity(Ok));
        yield return Page("POST /City/Organizations/{id:int}/Certification?handler=Confirm", Stage.End, w => To($"/City/Organizations/{w.UnverifiedGroupId}/Certification").WithForm(new() { ["Action"] = "Suspend", ["Reason"] = "調査のため一時停止します。" }), PageCity(Ok));
        yield return Page("POST /City/Organizations/{id:int}/Certification?handler=Decide", Stage.End, async w => { var (id, _) = await VerificationSetup.NewGroupAsync(w.Factory); return To($"/City/Organizations/{id}/Certification").WithForm(new() { ["Action"] = "Grant", ["Number"] = "川崎市認証 第2026-0901号", ["ValidFrom"] = $"{Today(w):yyyy-MM-dd}", ["ValidTo"] = $"{Today(w).AddDays(365):yyyy-MM-dd}" }); }, PageCity(Done));

        // Last of all: it ends every session of each demo user, the matrix's own cookies and tokens too.
        yield return Api("POST /api/auth/logout-everywhere", Stage.End, _ => To("/api/auth/logout-everywhere"), ApiMember(NoContent), OwnClient: true);
    }

    /// <summary>An API for city staff only.</summary>
    private static Cells ApiCity(Outcome city) => Everyone(Forbidden).With(Anonymous, Unauthorized).With(CityStaff, city);

    private static DateOnly Today(MatrixWorld w) => Domain.JapanTime.DateOf(w.Factory.Clock.GetUtcNow());

    /// <summary>A seed group whose mark still counts, not the matrix's bidder (its bids need the mark): the first or the last by id.</summary>
    private static async Task<int> CertifiedGroupAsync(MatrixWorld w, bool first)
    {
        using var scope = w.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.MatchboardDbContext>();
        var today = Today(w);
        var ids = (await db.Organizations.AsNoTracking().Where(o => o.Certification != null).ToListAsync())
            .Where(o => o.HasValidCertificationOn(today) && !o.Name.Contains("見守りネット", StringComparison.Ordinal))
            .Select(o => o.Id).Order().ToList();
        return first ? ids[0] : ids[^1];
    }

    [Fact]
    public async Task EveryEndpointAnswersEveryRoleAsWrittenAndARefusedWriteChangesNothing()
    {
        var rows = Rows().ToList();
        var endpoints = await AppEndpoints.ListAsync(factory.Services);
        var duplicates = rows.GroupBy(r => r.Endpoint).Where(g => g.Count() > 1).Select(g => $"endpoint {g.Key} has more than one row").ToList();
        var missing = endpoints.Except(rows.Select(r => r.Endpoint)).Select(e => $"new endpoint {e} has no row in the authorization matrix").ToList();
        var stale = rows.Select(r => r.Endpoint).Except(endpoints).Select(e => $"the row for {e} names no endpoint of the app").ToList();
        Assert.True(duplicates.Count + missing.Count + stale.Count == 0, string.Join("\n", [.. missing, .. stale, .. duplicates]));

        var atStart = await DatabaseChecksum.OfEveryTableAsync(factory);
        var world = await MatrixWorld.ArrangeAsync(factory, awardsNeeded: rows.Count(r => r.Stage is Stage.Decided or Stage.Late) * 2 + 8);
        var failures = new List<string>();
        var checkedCells = Enum.GetValues<Role>().ToDictionary(r => r, _ => 0);
        var refusedWrites = 0;
        var checksumTime = new System.Diagnostics.Stopwatch();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var row in rows.OrderBy(r => r.Stage))
        {
            await world.EnterAsync(row.Stage);
            var (method, handler) = AppEndpoints.Parse(row.Endpoint);
            var shared = row.FreshPerCell ? null : await row.Arrange(world);
            IReadOnlyDictionary<string, string>? lastRefused = null;

            // Refusals first, on the object as arranged; the allowed calls last, since they may change it.
            foreach (var role in Enum.GetValues<Role>().OrderBy(r => row.Cells[r].Refused ? 0 : 1))
            {
                var expected = row.Cells[role];
                var target = shared;
                if (target is null)
                {
                    target = await row.Arrange(world);
                    lastRefused = null;
                }

                var isWrite = method != HttpMethod.Get;
                checksumTime.Start();

                // A refused write right after another starts from the tables the last one left, unchanged.
                var before = isWrite && expected.Refused ? lastRefused ?? await DatabaseChecksum.OfEveryTableAsync(factory) : null;
                lastRefused = null;
                checksumTime.Stop();
                var response = AppEndpoints.IsPage(row.Endpoint)
                    ? await SendPageAsync(world, row, role, method, handler, target)
                    : await SendApiAsync(world, row, role, method, target);
                checkedCells[role]++;
                var cell = $"{row.Endpoint} as {role} ({target.Path})";
                if (!expected.Matches(response))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{cell}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location} {Excerpt(body)}");
                }

                if (before is not null)
                {
                    refusedWrites++;
                    checksumTime.Start();
                    var after = await DatabaseChecksum.OfEveryTableAsync(factory);
                    checksumTime.Stop();
                    var changed = DatabaseChecksum.Changed(before, after);
                    lastRefused = changed.Count == 0 ? after : null;
                    if (changed.Count > 0)
                    {
                        failures.Add($"{cell}: refused, yet changed {string.Join(", ", changed)}");
                    }
                }
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints ({endpoints.Count(e => !AppEndpoints.IsPage(e))} API routes, {endpoints.Count(AppEndpoints.IsPage)} page handlers), {checkedCells.Values.Sum()} cells, {refusedWrites} refused writes checked for no change; {clock.Elapsed.TotalSeconds:F0} s, of which table checksums {checksumTime.Elapsed.TotalSeconds:F0} s.");
        foreach (var (role, count) in checkedCells)
        {
            output.WriteLine($"  {role}: {count} cells");
        }

        // The checksums see a write when there is one: the allowed writes of the run changed these tables.
        Assert.NotEmpty(DatabaseChecksum.Changed(atStart, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.True(failures.Count == 0, $"{failures.Count} cells of the matrix differ:\n" + string.Join("\n", failures));
    }

    /// <summary>A problem's JSON, or the error messages a page shows: enough to see why a cell differs.</summary>
    private static string Excerpt(string body)
    {
        if (body.StartsWith('{'))
        {
            return body[..Math.Min(body.Length, 300)];
        }

        var summary = body.IndexOf("class=\"error-summary\"", StringComparison.Ordinal) is var at and >= 0 ? body[at..Math.Min(body.Length, at + 1500)] : string.Empty;
        return System.Text.RegularExpressions.Regex.Replace(summary, "<[^>]+>|\\s+", " ").Trim();
    }

    private async Task<HttpResponseMessage> SendApiAsync(MatrixWorld world, MatrixRow row, Role role, HttpMethod method, MatrixTarget target)
    {
        var body = target.Json?.Invoke(role);
        var request = new HttpRequestMessage(method, target.Path) { Content = target.Content?.Invoke(role) ?? (body is null ? null : JsonContent.Create(body, options: ApiClient.Json)) };
        var client = row.OwnClient && MatrixWorld.Emails.TryGetValue(role, out var email)
            ? (await ApiClient.SignInAsync(factory, email)).Http
            : world.Api(role);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendPageAsync(MatrixWorld world, MatrixRow row, Role role, HttpMethod method, string? handler, MatrixTarget target)
    {
        var url = handler is null ? target.Path : $"{target.Path}{(target.Path.Contains('?') ? '&' : '?')}handler={handler}";
        if (method == HttpMethod.Get)
        {
            return await world.Page(role).Http.GetAsync(url);
        }

        var client = row.OwnClient ? await PageClient.CreateAsync(factory, MatrixWorld.Emails.GetValueOrDefault(role)) : world.Page(role);
        var fields = target.Form?.Invoke(role) ?? [];
        if (row.OwnClient)
        {
            // Signing in or out changes the client's session: a throwaway client, with a token of the start page (a
            // visitor's pages carry no form with a token, so that they can be cached: the sign-in page's).
            var tokenPage = MatrixWorld.Emails.ContainsKey(role) ? "/" : "/Accounts/SignIn";
            return await client.PostFormWithTokenOfAsync(tokenPage, url, fields);
        }

        fields["__RequestVerificationToken"] = world.FormToken(role);
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static Task SealAuditAsync(MatrixWorld world) =>
        world.Factory.Services.GetRequiredService<Matchboard.Web.Data.Audit.AuditSealer>().SealAsync(CancellationToken.None);

    private static MatrixRow Api(string endpoint, Stage stage, Func<MatrixWorld, Task<MatrixTarget>> arrange, Cells cells, bool FreshPerCell = false) =>
        new(endpoint, stage, arrange, cells, FreshPerCell);

    private static MatrixRow Api(string endpoint, Stage stage, Func<MatrixWorld, MatrixTarget> arrange, Cells cells, bool FreshPerCell = false, bool OwnClient = false) =>
        new(endpoint, stage, w => System.Threading.Tasks.Task.FromResult(arrange(w)), cells, FreshPerCell, OwnClient);

    private static MatrixRow Page(string endpoint, Stage stage, Func<MatrixWorld, Task<MatrixTarget>> arrange, Cells cells, bool FreshPerCell = false, bool OwnClient = false) =>
        new(endpoint, stage, arrange, cells, FreshPerCell, OwnClient);

    private static MatrixRow Page(string endpoint, Stage stage, Func<MatrixWorld, MatrixTarget> arrange, Cells cells, bool FreshPerCell = false, bool OwnClient = false) =>
        new(endpoint, stage, w => System.Threading.Tasks.Task.FromResult(arrange(w)), cells, FreshPerCell, OwnClient);

    private static MatrixTarget To(string path) => MatrixTarget.To(path);

    private static readonly Outcome Accepted = new(202, null, false, "202");

    /// <summary>A form of the task page (no policy on the page): nobody is sent to sign in, then the service decides.</summary>
    private static Cells TaskForm(Outcome others) => PagePublic(others).With(Anonymous, SignIn);

    private static async Task<MatrixTarget> RefreshTokensAsync(MatrixWorld world)
    {
        // One refresh token for each cell: a used one may be refused once tokens rotate.
        var tokens = new Dictionary<Role, string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var login = await world.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.KizukiOfficer, password = DemoAccounts.Password });
            tokens[role] = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;
        }

        return To("/api/auth/refresh") with { Json = r => new { refreshToken = tokens[r] } };
    }

    /// <summary>An edit of a fresh open task (as <see cref="MatrixWorld.FreshOpenTaskAsync"/> posts it): a higher fee, a day more to bid.</summary>
    private static Dictionary<string, object?> TaskEdit(MatrixWorld world)
    {
        var body = Requests.WatchOverTask(world.Factory.Clock.GetUtcNow().AddDays(1));
        body.Remove("publish");
        body["certificationRequired"] = false;
        body["feeYen"] = 190_000;
        return body;
    }

    private static Dictionary<string, string> TaskForm(MatrixWorld world) => Requests.CleanupTaskForm(world.Factory.Clock.GetUtcNow());

    private static Dictionary<string, string> BidForm() => new()
    {
        ["Bid.AmountYen"] = "150000",
        ["Bid.Proposal"] = "週1回、2人1組で訪問します。",
        ["Bid.StaffPlanned"] = "3",
        ["Bid.EarliestStart"] = $"{DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)):yyyy-MM-dd}",
    };

    /// <summary>The organization's version, as the city's review page or API would hand it out.</summary>
    private static async Task<int> VersionOfAsync(MatrixWorld world, int organizationId) =>
        (await VerificationSetup.EntryAsync(await ApiClient.SignInAsync(world.Factory, DemoAccounts.CityStaff), organizationId)).Version;

    /// <summary>A PDF the unverified group sent for its verification.</summary>
    private static async Task<int> DocumentOfUnverifiedGroupAsync(MatrixWorld world)
    {
        var group = await ApiClient.SignInAsync(world.Factory, DemoAccounts.UnverifiedStaff);
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        using var content = new MultipartFormDataContent { { new StringContent("Articles"), "kind" }, { file, "file", "規約.pdf" } };
        var response = await group.Http.PostAsync("/api/verification/mine/documents", content);
        return (await response.Content.ReadFromJsonAsync<Matchboard.Web.Features.Verification.DocumentDto>(ApiClient.Json))!.Id;
    }
}
