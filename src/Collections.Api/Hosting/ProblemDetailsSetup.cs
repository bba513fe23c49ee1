using System.Diagnostics;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Api.Hosting;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddCollectionsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Type ??= "about:blank";
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            ProblemTitles.Localize(context.HttpContext, context.ProblemDetails);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}

/// <summary>Maps every exception to RFC 9457 ProblemDetails, in every environment, without leaking internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is System.Data.Common.DbException db && ForDatabase(DbFailures.Classify(db)) is not null)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(FieldErrors(validation))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = "See the errors for each field.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
            Detail = DescribeBadRequest(bad),
        },
        NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found.", exception.Message),
        ConflictException => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", exception.Message),
        BusinessRuleException => Problem(StatusCodes.Status422UnprocessableEntity, "The request breaks a business rule.", exception.Message),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, "Forbidden.", exception.Message),
        NotConfiguredException => Problem(StatusCodes.Status503ServiceUnavailable, "Not available.", exception.Message),
        System.Data.Common.DbException db when ForDatabase(DbFailures.Classify(db)) is { } problem => problem,
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error has been logged. Quote the traceId when you report it."),
    };

    /// <summary>The database failures a retry cures, as the client is told about them; null for the rest, which are defects.</summary>
    public static ProblemDetails? ForDatabase(DbFailure failure) => failure switch
    {
        DbFailure.UniqueViolation => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", "A concurrent request changed the same record. Retry the request."),
        DbFailure.DeadlockVictim => Problem(StatusCodes.Status409Conflict, "The request collided with another one.", "The database chose this request as a deadlock victim and undid it. Retry the request."),
        DbFailure.LockTimeout => Problem(StatusCodes.Status503ServiceUnavailable, "The database is busy.", "Another write held the lock too long; nothing was changed. Retry the request shortly."),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? $"The JSON body is malformed or has a value of the wrong type{(json.Path is null ? "" : $" at {json.Path}")}."
            : exception.Message;

    private static Dictionary<string, string[]> FieldErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(error => CamelCasePath(error.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).Distinct().ToArray());

    private static string CamelCasePath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part =>
            part.Length == 0 || part.Contains('-') ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
