using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Identity;
using Observatory.Contracts.Json;
using Observatory.ApiService.Keys;
using Observatory.ApiService.Problems;
using Observatory.Data;

namespace Observatory.ApiService.Admin;

/// <summary>CONTRACT §6 admin API (admin key only): API keys and the audit trail.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").AddEndpointFilter(RequireAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/api-keys", CreateKeyAsync).WithName("CreateApiKey").WithSummary("Issue an API key (the key and webhook secret are shown only here)");
        group.MapGet("/api-keys", ListKeysAsync).WithName("ListApiKeys").WithSummary("List API keys (no secrets)");
        group.MapDelete("/api-keys/{id:guid}", RevokeKeyAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key everywhere within 5 s");
        group.MapGet("/audit", ReadAuditAsync).WithName("ReadAudit").WithSummary("Read the audit trail, oldest first from `since`");
        return routes;
    }

    private static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = context.HttpContext.RequestServices.GetRequiredService<CallerIdentity>();
        if (!caller.IsAuthenticated) return Problems.Problems.Unauthorized("The admin API needs the admin key.");
        if (!caller.IsAdmin) return Problems.Problems.Forbidden("The admin API is for the admin key only.");
        return await next(context);
    }

    internal static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> CreateKeyAsync(
        HttpRequest request, CallerIdentity caller, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await JsonRequestBody.ReadAsync(request, 64 * 1024, cancellationToken);
        if (problem is not null) return problem;
        using var _ = document;
        var root = document!.RootElement;
        var errors = new ValidationErrors();
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        if (name.Length is 0 or > 200) errors.Add("name", "name is required (1–200 characters).");
        var tier = root.TryGetProperty("tier", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (tier is not (Tiers.Standard or Tiers.Partner)) errors.Add("tier", "tier must be standard or partner.");
        if (errors.Any) return Problems.Problems.Validation(errors);

        var issued = await issuer.CreateAsync(name, tier, caller, cancellationToken);
        return TypedResults.Created($"/admin/api-keys/{issued.Id:D}", issued);
    }

    internal static async Task<Ok<ApiKeyList>> ListKeysAsync(ApiKeyIssuer issuer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ApiKeyList(await issuer.ListAsync(cancellationToken)));

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        Guid id, CallerIdentity caller, ApiKeyIssuer issuer, CancellationToken cancellationToken) =>
        await issuer.RevokeAsync(id, caller, cancellationToken) ? TypedResults.NoContent() : Problems.Problems.NotFound("API key");

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem>> ReadAuditAsync(
        [FromQuery] DateTimeOffset? since, [FromQuery] int? limit, [FromQuery] long? after, ObservatoryDbContext db, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000) return Problems.Problems.Validation("limit", "limit must be between 1 and 1000.");
        var take = limit ?? 100;
        var query = db.Audit.AsNoTracking();
        if (since is { } from) query = query.Where(a => a.OccurredAt >= from);
        if (after is { } afterId) query = query.Where(a => a.Id > afterId);
        var rows = await query.OrderBy(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).Select(a => new AuditItem(a.Id, a.OccurredAt, a.Kind, a.Principal, a.Tier, a.KeyPrefix, a.ClientIp, a.Method,
            a.Path, a.Status, a.ResourceId, a.TraceId, a.DetailsJson is null ? null : new RawJson(a.DetailsJson))).ToList();
        return TypedResults.Ok(new AuditPage(items, rows.Count > take ? items[^1].Id : null));
    }
}

public sealed record ApiKeyList(IReadOnlyList<ApiKeySummary> Items);

public sealed record AuditItem(long Id, DateTimeOffset OccurredAt, string Kind, string? Principal, string? Tier, string? KeyPrefix, string? ClientIp,
    string? Method, string? Path, int? Status, string? ResourceId, string? TraceId, RawJson? Details);

/// <summary>Pass <c>next_after</c> back as <c>?after=</c> for the next page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long? NextAfter);
