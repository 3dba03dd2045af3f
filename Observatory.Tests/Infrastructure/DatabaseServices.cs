using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Observatory.Data;

namespace Observatory.Tests.Infrastructure;

/// <summary>The database services an ApiService registers (data source, DbContext), for tests that migrate or use a
/// database of their own without a whole service.</summary>
public static class DatabaseServices
{
    public static ServiceProvider For(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        services.AddDbContext<ObservatoryDbContext>(options => options.UseNpgsql(dataSource));
        return services.BuildServiceProvider();
    }
}
