using System.Data;
using Npgsql;

namespace Observatory.Data;

/// <summary>A PostgreSQL session-level advisory lock, held on one connection until disposed (or until that session
/// ends). Every key this database uses is listed here, so two features can never pick the same number.</summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    /// <summary>Applying migrations at start-up ("OBSV" in ASCII).</summary>
    public const long Migrations = 0x4F_42_53_56;

    /// <summary>A retention sweep ("retain" in ASCII).</summary>
    public const long RetentionSweep = 0x72_65_74_61_69_6E;

    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Waits until the lock is free, then holds it.</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new AdvisoryLock(connection, key);
    }

    /// <summary>Holds the lock if it is free right now; null when another session holds it.</summary>
    public static async Task<AdvisoryLock?> TryAcquireAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! ? new AdvisoryLock(connection, key) : null;
    }

    // Also released when the session ends, but the pool keeps sessions open. A connection that broke while the lock was
    // held has already lost it with its session, and the holder's own error is the one worth reporting.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            unlock.Parameters.AddWithValue("key", _key);
            await unlock.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException) when (_connection.FullState.HasFlag(ConnectionState.Broken) || _connection.State != ConnectionState.Open)
        {
        }
    }
}
