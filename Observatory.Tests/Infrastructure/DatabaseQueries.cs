using Npgsql;

namespace Observatory.Tests.Infrastructure;

/// <summary>Looks straight into PostgreSQL, for assertions about what was (or was not) stored.</summary>
public static class DatabaseQueries
{
    /// <summary>Runs a query returning one number; <c>@id</c> is bound to <paramref name="id"/> (a GUID string is bound as uuid).</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql, object id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id is string text && Guid.TryParse(text, out var guid) ? guid : id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
