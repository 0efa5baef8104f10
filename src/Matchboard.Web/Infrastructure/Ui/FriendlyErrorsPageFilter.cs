using Matchboard.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>
/// On pages, a missing or forbidden object becomes a status code that the status-code-page middleware
/// turns into a friendly page (the API keeps its problem details). Page models catch the domain errors
/// they expect; one that slips through becomes a 409 page instead of a JSON body.
/// </summary>
public sealed class FriendlyErrorsPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            ResourceNotFoundException => StatusCodes.Status404NotFound,
            ForbiddenAccessException => StatusCodes.Status403Forbidden,
            DomainException => StatusCodes.Status409Conflict,
            _ => (int?)null,
        };
        if (status is { } code && !executed.ExceptionHandled)
        {
            executed.Result = new StatusCodeResult(code);
            executed.ExceptionHandled = true;
        }
    }
}
