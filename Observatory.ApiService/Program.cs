using Observatory.ApiService;
using Observatory.ApiService.Account;
using Observatory.ApiService.Admin;
using Observatory.ApiService.Keys;
using Observatory.ApiService.Analyses;
using Observatory.ApiService.Batches;
using Observatory.ApiService.Examples;
using Observatory.ApiService.Insights;
using Observatory.ApiService.OpenApi;
using Observatory.ApiService.Webhooks;
using Observatory.Data;
using Observatory.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(app.Services);

app.UseStatusCodePages();
app.UseMiddleware<BearerChallengeMiddleware>();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapAnalysesApi();
app.MapBatchesApi();
app.MapExamplesApi();
app.MapInsightsApi();
app.MapAccountApi();
app.MapAdminApi();
app.MapInternalKeysApi();
app.MapWebhooksApi();

app.Run();

