using Observatory.ApiService;
using Observatory.ApiService.Analyses;
using Observatory.ApiService.OpenApi;
using Observatory.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(app.Services);

app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapAnalysesApi();

app.Run();

