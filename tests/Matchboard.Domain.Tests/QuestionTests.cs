using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class QuestionTests
{
    [Fact]
    public void AGroupAskingOnAnOpenTaskRecordsTheQuestion()
    {
        var task = OpenTask();

        var question = task.Ask(VerifiedGroup(4), "  駐車場はありますか?  ", Now);

        Assert.Equal(4, question.GroupId);
        Assert.Equal("駐車場はありますか?", question.Text);
        Assert.Equal(Now, question.AskedAt);
        Assert.False(question.IsAnswered);
        Assert.Null(question.Answer);
        Assert.Null(question.AnsweredAt);
        Assert.Same(question, Assert.Single(task.Questions));
    }

    [Fact]
    public void AskingAtTheDeadlineIsRefused()
    {
        var task = OpenTask();

        AssertFails(() => task.Ask(VerifiedGroup(), "質問", Deadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Questions);
    }

    [Fact]
    public void AskingAfterTheDeadlineIsRefused()
    {
        var task = OpenTask();

        AssertFails(() => task.Ask(VerifiedGroup(), "質問", AfterDeadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Questions);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    public void AskingOnATaskThatIsNotOpenIsRefused(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Ask(VerifiedGroup(), "質問", Now), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Questions);
    }

    [Fact]
    public void AnAssociationCannotAsk()
    {
        var task = OpenTask();

        AssertFails(() => task.Ask(Association(200), "質問", Now), "question.not-civic-group", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Questions);
    }

    [Fact]
    public void AnUnverifiedGroupCannotAsk()
    {
        var task = OpenTask();

        AssertFails(() => task.Ask(UnverifiedGroup(), "質問", Now), "question.group-unverified", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Questions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyQuestionIsRequired(string text)
    {
        var task = OpenTask();

        AssertInvalid(() => task.Ask(VerifiedGroup(), text, Now), ("text", "required"));
        Assert.Empty(task.Questions);
    }

    [Fact]
    public void ATooLongQuestionIsTooLong()
    {
        var task = OpenTask();

        AssertInvalid(() => task.Ask(VerifiedGroup(), new string('問', Question.TextMaxLength + 1), Now), ("text", "too-long"));
        Assert.Empty(task.Questions);
    }

    [Fact]
    public void AQuestionOfMaximumLengthIsAccepted()
    {
        var task = OpenTask();

        var question = task.Ask(VerifiedGroup(), new string('問', Question.TextMaxLength), Now);

        Assert.Equal(Question.TextMaxLength, question.Text.Length);
    }

    [Fact]
    public void AnsweringAQuestionRecordsTheAnswer()
    {
        var task = OpenTask();
        var question = Ask(task, VerifiedGroup(), questionId: 21);
        var answeredAt = Now.AddHours(5);

        var answered = task.AnswerQuestion(21, "  二台分あります。  ", answeredAt);

        Assert.Same(question, answered);
        Assert.True(question.IsAnswered);
        Assert.Equal("二台分あります。", question.Answer);
        Assert.Equal(answeredAt, question.AnsweredAt);
    }

    [Fact]
    public void AnsweringAnswersOnlyTheQuestionWithThatId()
    {
        var task = OpenTask();
        var first = Ask(task, VerifiedGroup(1), questionId: 21);
        var second = Ask(task, VerifiedGroup(2), questionId: 22, text: "鍵の受け渡しは?");

        task.AnswerQuestion(22, "町会館で。", Now);

        Assert.False(first.IsAnswered);
        Assert.Equal("町会館で。", second.Answer);
    }

    [Fact]
    public void AnsweringTwiceThrowsAlreadyAnswered()
    {
        var task = OpenTask();
        var question = Ask(task, VerifiedGroup(), questionId: 21);
        task.AnswerQuestion(21, "最初の回答", Now);

        AssertFails(() => task.AnswerQuestion(21, "二度目の回答", Now.AddHours(1)), "question.already-answered", DomainErrorKind.Conflict);
        Assert.Equal("最初の回答", question.Answer);
        Assert.Equal(Now, question.AnsweredAt);
    }

    [Fact]
    public void AnsweringAnUnknownQuestionThrowsNotFound()
    {
        var task = OpenTask();
        Ask(task, VerifiedGroup(), questionId: 21);

        AssertFails(() => task.AnswerQuestion(99, "回答", Now), "question.not-found", DomainErrorKind.Conflict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AnEmptyAnswerIsRequired(string answer)
    {
        var task = OpenTask();
        var question = Ask(task, VerifiedGroup(), questionId: 21);

        AssertInvalid(() => task.AnswerQuestion(21, answer, Now), ("answer", "required"));
        Assert.False(question.IsAnswered);
    }

    [Fact]
    public void ATooLongAnswerIsTooLong()
    {
        var task = OpenTask();
        var question = Ask(task, VerifiedGroup(), questionId: 21);

        AssertInvalid(() => task.AnswerQuestion(21, new string('答', Question.TextMaxLength + 1), Now), ("answer", "too-long"));
        Assert.False(question.IsAnswered);
    }

    [Fact]
    public void AnsweringOnACancelledTaskThrowsTaskCancelled()
    {
        var task = OpenTask();
        var question = Ask(task, VerifiedGroup(), questionId: 21);
        task.Cancel(Now);

        AssertFails(() => task.AnswerQuestion(21, "回答", Now), "task.cancelled", DomainErrorKind.Conflict);
        Assert.False(question.IsAnswered);
    }
}
