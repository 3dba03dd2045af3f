using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Observatory.Data;

public static class DatabaseRegistration
{
    /// <summary>Wires PostgreSQL from <c>ConnectionStrings:observatory</c> (Aspire's Npgsql form): one
    /// <see cref="NpgsqlDataSource"/> shared by EF Core and the raw commands on hot paths, plus a readiness check.</summary>
    public static IHostApplicationBuilder AddObservatoryDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("observatory")
            ?? throw new InvalidOperationException("ConnectionStrings:observatory is not configured (PostgreSQL).");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "observatory" }.Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContextPool<ObservatoryDbContext>(options => options.UseNpgsql(dataSource));
        builder.Services.AddHealthChecks().AddDbContextCheck<ObservatoryDbContext>("postgres");
        return builder;
    }
}
