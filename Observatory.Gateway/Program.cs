using Observatory.Gateway;
using Observatory.Gateway.Account;
using Observatory.Gateway.Ui;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddWebUi();

var app = builder.Build();

app.UseGatewayPipeline();
app.UseWebUi();
app.MapDefaultEndpoints();
app.MapAccountEndpoint();
app.MapReverseProxy();

app.Run();
