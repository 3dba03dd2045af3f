using Observatory.ApiService;
using Observatory.ApiService.Analyses;
using Observatory.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(app.Services);

app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapAnalysesApi();

app.Run();

