using Microsoft.AspNetCore.Http.HttpResults;

namespace Observatory.ApiService.Problems;

/// <summary>The problem responses the API gives, in one place so every endpoint words them the same way.</summary>
public static class Problems
{
    private const string TypeBase = "https://observatory.dev/problems/";

    public static ValidationProblem Validation(ValidationErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(),
            detail: detail ?? "The request has invalid fields; see errors for each one.",
            title: "The request is invalid.", type: TypeBase + "validation");

    public static ValidationProblem Validation(string path, string message) =>
        Validation(Single(path, message));

    /// <summary>The same 400 as <see cref="Validation(string, string)"/>, typed as a plain problem so code that can
    /// fail in several ways (e.g. reading a body: 400, 413 or 415) returns one type.</summary>
    public static ProblemHttpResult InvalidBody(string path, string message) =>
        TypedResults.Problem(Validation(path, message).ProblemDetails);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No {what} with that id is visible to you.",
            type: TypeBase + "not-found");

    public static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone.", detail: detail, type: TypeBase + "gone");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail, type: TypeBase + "conflict");

    public static ProblemHttpResult PayloadTooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
            detail: $"The body may be at most {limit} bytes.", type: TypeBase + "payload-too-large");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
            detail: $"Send the body as application/json (got {(string.IsNullOrEmpty(contentType) ? "no content type" : contentType)}).",
            type: TypeBase + "unsupported-media-type");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required.", detail: detail,
            type: TypeBase + "unauthorized");

    public static ProblemHttpResult CallbackNeedsPrincipal() =>
        Forbidden("callback_url needs an authenticated principal (an API key or partner token): public callers cannot receive webhooks.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: detail, type: TypeBase + "forbidden");

    private static ValidationErrors Single(string path, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(path, message);
        return errors;
    }
}
