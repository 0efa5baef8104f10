using System.Reflection;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Tests;

/// <summary>Shared builders: a fixed clock, sensible task details and organizations in known states.</summary>
public static class TestData
{
    public const int AssociationId = 100;

    /// <summary>2026-12-01 10:00 in Japan.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, JapanTime.Offset);

    /// <summary>The default bid deadline: 2026-12-08 10:00 in Japan.</summary>
    public static readonly DateTimeOffset Deadline = Now.AddDays(7);

    public static readonly DateTimeOffset BeforeDeadline = Deadline.AddMinutes(-1);

    public static readonly DateTimeOffset AfterDeadline = Deadline.AddHours(1);

    public static readonly DateOnly Today = JapanTime.DateOf(Now);

    public static TaskDetails Details(
        string category = Categories.WatchOver,
        string ward = Wards.Nakahara,
        bool certificationRequired = false,
        bool insuranceRequired = false) => new(
            Title: "高齢者見守り訪問",
            Description: "一人暮らしの高齢者宅を月に四回訪問します。",
            Category: category,
            Ward: ward,
            Town: "小杉町",
            StartDate: new DateOnly(2026, 12, 10),
            EndDate: new DateOnly(2026, 12, 20),
            VisitsPlanned: 4,
            IsVolunteer: false,
            FeeYen: 50_000,
            BidDeadline: Deadline,
            CertificationRequired: certificationRequired,
            InsuranceRequired: insuranceRequired,
            HouseholdsServed: 30,
            VisitWeekdays: WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Friday));

    public static CommunityTask DraftTask(TaskDetails? details = null)
        => CommunityTask.Draft(AssociationId, details ?? Details(), Now);

    public static CommunityTask OpenTask(TaskDetails? details = null)
    {
        var task = DraftTask(details);
        task.Publish(Now);
        return task;
    }

    /// <summary>A task in the given status, reached only through the domain's own transitions.</summary>
    public static CommunityTask TaskIn(CommunityTaskStatus status)
    {
        if (status == CommunityTaskStatus.Draft)
        {
            return DraftTask();
        }

        var task = OpenTask();
        switch (status)
        {
            case CommunityTaskStatus.Open:
                break;
            case CommunityTaskStatus.Closed:
                PlaceBid(task, VerifiedGroup(1), bidId: 11);
                task.Close(AfterDeadline);
                break;
            case CommunityTaskStatus.Awarded:
                PlaceBid(task, VerifiedGroup(1), bidId: 11);
                task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline);
                break;
            case CommunityTaskStatus.Cancelled:
                task.Cancel(Now);
                break;
            case CommunityTaskStatus.Unawarded:
                task.Close(AfterDeadline);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, task.Status);
        return task;
    }

    public static Organization Association(int id = AssociationId)
        => SetId(Organization.CreateAssociation("小杉町内会", Wards.Nakahara, "小杉町"), id);

    public static Organization UnverifiedGroup(
        int id = 1,
        string[]? categories = null,
        string[]? wards = null)
        => SetId(
            Organization.CreateCivicGroup(
                $"見守りの会{id}",
                Wards.Nakahara,
                "小杉町",
                LegalForm.NpoCorporation,
                ActivityStyle.SocialBusiness,
                categories ?? [Categories.WatchOver, Categories.Cleanup],
                wards ?? [Wards.Nakahara, Wards.Takatsu],
                capacity: 3),
            id);

    public static Organization VerifiedGroup(int id = 1, string[]? categories = null, string[]? wards = null)
    {
        var group = UnverifiedGroup(id, categories, wards);
        group.Verify();
        return group;
    }

    /// <summary>A verified group certified from <paramref name="issued"/> (default a year ago) to <paramref name="expires"/> (default in a year).</summary>
    public static Organization CertifiedGroup(int id = 1, DateOnly? issued = null, DateOnly? expires = null)
    {
        var group = VerifiedGroup(id);
        group.Certify(new Certification("KC-0001", issued ?? Today.AddYears(-1), expires ?? Today.AddYears(1)));
        return group;
    }

    public static BidTerms Terms(long amountYen = 40_000, string proposal = "二人一組で訪問します。", int staffPlanned = 2)
        => new(amountYen, proposal, staffPlanned, new DateOnly(2026, 12, 10));

    /// <summary>Places a bid at <see cref="Now"/> and gives it the id a database would.</summary>
    public static Bid PlaceBid(CommunityTask task, Organization group, int bidId, long amountYen = 40_000)
        => SetId(task.PlaceBid(group, Terms(amountYen), Now), bidId);

    /// <summary>Asks a question at <see cref="Now"/> and gives it the id a database would.</summary>
    public static Question Ask(CommunityTask task, Organization group, int questionId, string text = "駐車場はありますか?")
        => SetId(task.Ask(group, text, Now), questionId);

    /// <summary>An award of bid 11 by group 1 for 40,000 yen.</summary>
    public static Contract AwardedContract()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        return task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline);
    }

    public static readonly ContractTerms SignableTerms = new(PaymentTiming.OnCompletion, "月末締め翌月末払い", "団体がボランティア活動保険に加入します。");

    public static ContactPerson Contact(string name = "木月 連絡係") => new(name, "044-000-0000", "contact@example.jp");

    /// <summary>An awarded contract whose terms and both contact persons are filled in, not yet signed.</summary>
    public static Contract SignableContract()
    {
        var contract = AwardedContract();
        contract.SetTerms(AssociationId, SignableTerms);
        contract.SetContact(AssociationId, Contact("町内 会長"));
        contract.SetContact(contract.ProviderId, Contact("見守 一郎"));
        return contract;
    }

    /// <summary>Signed by both sides at <paramref name="at"/>: Active.</summary>
    public static Contract ActiveContract(DateTimeOffset at)
    {
        var contract = SignableContract();
        contract.Sign(AssociationId, at);
        contract.Sign(contract.ProviderId, at);
        return contract;
    }

    /// <summary>An Active contract (id 500) for the task, signed by both sides at <paramref name="signedAt"/>, with its task loaded.</summary>
    public static Contract ActiveContract(CommunityTask task, DateTimeOffset signedAt)
    {
        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        var contract = SetId(task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline), 500);
        WithTask(contract, task);
        contract.SetTerms(AssociationId, SignableTerms);
        contract.SetContact(AssociationId, Contact("町内 会長"));
        contract.SetContact(1, Contact("見守 一郎"));
        contract.Sign(AssociationId, signedAt);
        contract.Sign(1, signedAt);
        return contract;
    }

    /// <summary>The contract ends at <paramref name="endedAt"/>, terminated by the association.</summary>
    public static void EndContract(Contract contract, DateTimeOffset endedAt)
        => contract.Terminate(AssociationId, "町内会の事情により終了します。", endedAt);

    /// <summary>The contract with its task loaded, as a query that includes it would give it.</summary>
    public static Contract WithTask(Contract contract, CommunityTask task)
    {
        typeof(Contract).GetProperty(nameof(Contract.Task))!.GetSetMethod(nonPublic: true)!.Invoke(contract, [task]);
        return contract;
    }

    /// <summary>Entity ids are assigned by the database; tests set them here, and only here.</summary>
    public static T SetId<T>(T entity, int id)
        where T : class
    {
        var setter = entity.GetType()
            .GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)!
            .GetSetMethod(nonPublic: true)!;
        setter.Invoke(entity, [id]);
        return entity;
    }

    /// <summary>Asserts the action throws a domain exception with this code and kind, and returns it.</summary>
    public static DomainException AssertFails(Action action, string code, DomainErrorKind kind)
    {
        var ex = Assert.Throws<DomainException>(action);
        Assert.Equal(code, ex.Code);
        Assert.Equal(kind, ex.Kind);
        return ex;
    }

    /// <summary>Asserts the action is refused as invalid input with exactly these field errors (limits aside: see <see cref="FieldError.Limit"/> tests).</summary>
    public static void AssertInvalid(Action action, params (string Field, string Code)[] errors)
    {
        var ex = AssertFails(action, "validation", DomainErrorKind.Invalid);
        Assert.Equal(errors, ex.Errors.Select(e => (e.Field, e.Code)));
    }
}
