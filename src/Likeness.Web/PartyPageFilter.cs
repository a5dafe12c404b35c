using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Likeness.Web;

/// <summary>
/// Before a signed-in page runs: finds the session from its cookie and authenticates its key again (a replaced key ends
/// the session); without one, redirects to sign-in. After: an <see cref="AppProblem"/> from a use case (another party's
/// licence is a 404, as in the API) becomes the problem page with its status, never a stack trace.
/// </summary>
public sealed class PartyPageFilter(LikenessCore core, WebSessions sessions, IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PartyPageModel page)
        {
            var http = context.HttpContext;
            var key = sessions.KeyOf(SessionCookie.Read(http));
            var caller = key is null ? null : await core.Parties.AuthenticateAsync(key, http.RequestAborted);
            if (caller is null)
            {
                SessionCookie.Delete(http);
                context.Result = new RedirectResult("/signin");
                return;
            }

            page.Caller = caller;
            page.Core = core;
            http.Items[PartyPageModel.CallerItem] = caller;
        }

        var executed = await next();
        if (executed.Exception is AppProblem problem)
        {
            executed.ExceptionHandled = true;
            executed.Result = ProblemPage(context, problem.Status, problem.Message);
        }
    }

    /// <summary>The problem page (Pages/Shared/Problem.cshtml) with its status.</summary>
    public ViewResult ProblemPage(FilterContext context, int status, string message) => new()
    {
        ViewName = "Problem",
        StatusCode = status,
        ViewData = new ViewDataDictionary<ProblemModel>(metadata, context.ModelState) { Model = new ProblemModel(status, message) },
    };
}

/// <summary>What the problem page shows: the status and the use case's message (never an internal detail).</summary>
public sealed record ProblemModel(int Status, string Message)
{
    public string Title => Status switch
    {
        404 => "Not found",
        403 => "Not allowed",
        409 => "Conflict",
        _ => "Cannot do that",
    };
}
