using Matchboard.Domain;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure;

/// <summary>
/// Turns every expected failure into an RFC 9457 problem in the user's language. Anything else is left to
/// the framework's 500 handler, which logs it.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IStringLocalizer<Messages> localizer,
    IConstraintViolations constraints,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException { Kind: DomainErrorKind.Invalid } invalid => Validation(invalid.Errors),
            DomainException domain => Problem(
                domain.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                domain.Code),
            ResourceNotFoundException notFound => Problem(StatusCodes.Status404NotFound, notFound.Code),
            ForbiddenAccessException forbidden => Problem(StatusCodes.Status403Forbidden, forbidden.Code),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "concurrency"),
            DbUpdateException update when constraints.Classify(update) is { } kind => Constraint(kind),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "bad-request"),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        if (exception is DbUpdateException and not DbUpdateConcurrencyException && problem.Status == StatusCodes.Status422UnprocessableEntity)
        {
            // A NOT NULL or CHECK constraint is never the user's doing: answer honestly, and log it to be fixed.
            logger.LogWarning(exception, "A write broke a database constraint: {Message}", exception.InnerException?.Message);
        }
        else if (problem.Status >= 500 || exception is BadHttpRequestException)
        {
            logger.LogInformation(exception, "Request refused: {Message}", exception.Message);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A constraint the database refused, by kind (the provider's <see cref="IConstraintViolations"/> reads its
    /// codes): a duplicate made by a concurrent request, a row referred to that another request removed, or a
    /// NOT NULL / CHECK rule our own code broke. Nothing was written either way: the transaction rolled back.
    /// </summary>
    private ProblemDetails Constraint(ConstraintKind kind) => kind switch
    {
        ConstraintKind.Unique => Problem(StatusCodes.Status409Conflict, "duplicate"),
        ConstraintKind.ForeignKey => Problem(StatusCodes.Status409Conflict, "reference-gone"),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, "not-saved"),
    };

    private ProblemDetails Problem(int status, string code)
    {
        // The title comes from CustomizeProblemDetails in Program, as for every other problem.
        var problem = new ProblemDetails
        {
            Status = status,
            Detail = localizer[$"error.{code}"],
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    private HttpValidationProblemDetails Validation(IReadOnlyList<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => FieldMessages.For(localizer, e)).ToArray());
        var problem = new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = localizer["error.validation"],
        };
        problem.Extensions["code"] = "validation";
        return problem;
    }
}
