using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Observatory.Data;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Data;

/// <summary>Migrations apply at start-up; several ApiService replicas starting at once must not trip over each other.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Replicas_migrating_a_new_database_at_once_all_succeed_and_apply_each_migration_once()
    {
        var postgres = await PostgresServer.GetAsync();
        var connectionString = await postgres.CreateDatabaseAsync("migrator-race");
        var replicas = Enumerable.Range(0, 3).Select(_ => DatabaseServices.For(connectionString)).ToList();

        await Task.WhenAll(replicas.Select(services => DatabaseMigrator.MigrateAsync(services)));

        await using var scope = replicas[0].CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoryDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Analyses.CountAsync());

        // A restart finds nothing to do.
        await DatabaseMigrator.MigrateAsync(replicas[1]);
        foreach (var services in replicas) await services.DisposeAsync();
    }
}
