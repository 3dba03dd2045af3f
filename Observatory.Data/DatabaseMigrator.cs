using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Observatory.Data;

/// <summary>Applies checked-in migrations at start-up. Several replicas may start at once, so the work happens
/// under a PostgreSQL advisory lock: the first applies, the others wait and then find nothing to do.</summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Observatory.Data.Migrations");
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        // PostgreSQL may still be starting (it is started alongside us): retry the connection, not the migration.
        await using var connection = await OpenWithRetryAsync(dataSource, logger, cancellationToken).ConfigureAwait(false);
        await using (await AdvisoryLock.AcquireAsync(connection, AdvisoryLock.Migrations, cancellationToken).ConfigureAwait(false))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObservatoryDbContext>();
            // On a brand-new database MigrateAsync reads the history table before creating it and logs that query as
            // a failure (dotnet/efcore#37328): an operator would see an error on every first start. Create it first.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogUpToDate(logger, db.Database.GetMigrations().LastOrDefault() ?? "none");
        }
    }

    private static async Task<NpgsqlConnection> OpenWithRetryAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (attempt < 30)
            {
                LogWaiting(logger, attempt, e.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogUpToDate(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}
