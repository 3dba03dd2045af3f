using Observatory.Gateway;
using Observatory.Gateway.Account;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseGatewayPipeline();
app.MapDefaultEndpoints();
app.MapAccountEndpoint();
app.MapReverseProxy();

app.Run();
