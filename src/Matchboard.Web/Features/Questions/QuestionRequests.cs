namespace Matchboard.Web.Features.Questions;

public sealed record AskQuestionRequest(string? Text);

public sealed record AnswerQuestionRequest(string? Answer);
