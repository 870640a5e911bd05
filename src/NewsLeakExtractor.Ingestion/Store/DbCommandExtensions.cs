using System.Data;
using System.Data.Common;
using System.Text;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>Small helpers over plain ADO.NET: parameters, nullable reads and batched multi-row inserts.</summary>
internal static class DbCommandExtensions
{
    // Both back ends accept far more, but one statement of ~1,000 rows already makes the round trips negligible.
    private const int MaxParametersPerStatement = 4000;

    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Binds a value. A null string is bound with an explicit type: PostgreSQL cannot infer the type of an untyped null.
    /// </summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        switch (value)
        {
            case null or string:
                parameter.DbType = DbType.String;
                break;
            case int:
                parameter.DbType = DbType.Int32;
                break;
            case long:
                parameter.DbType = DbType.Int64;
                break;
            case double:
                parameter.DbType = DbType.Double;
                break;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Binds a timestamp in the dialect's representation; a null one is typed, as PostgreSQL needs.</summary>
    public static DbCommand WithTimestamp(this DbCommand command, string name, DateTimeOffset? value, SqlDialect dialect)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (value is { } timestamp)
        {
            parameter.Value = dialect.ToDb(timestamp);
        }
        else
        {
            parameter.Value = DBNull.Value;
            parameter.DbType = DbType.DateTimeOffset;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int GetCount(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : checked((int)Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<long?> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Inserts many rows. Over a network (<paramref name="multiRowStatements"/>) rows go in multi-row VALUES statements,
    /// one round trip per ~1,000 values; in process (SQLite) one prepared single-row statement is re-executed, which is
    /// cheaper than compiling and binding a huge statement. Only placeholders are generated; every value is bound.
    /// </summary>
    public static async Task InsertRowsAsync(
        this DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        bool multiRowStatements,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var rowsPerStatement = multiRowStatements ? Math.Max(1, MaxParametersPerStatement / columns.Count) : 1;
        var prefix = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
        if (rowsPerStatement == 1)
        {
            await using var single = connection.Command(prefix + "(" + string.Join(", ", columns.Select((_, c) => $"@c{c}")) + ")", transaction);
            for (var c = 0; c < columns.Count; c++)
            {
                single.With($"@c{c}", rows[0][c]);
            }

            await single.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    single.Parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await single.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            var sql = new StringBuilder(prefix);
            await using var command = connection.Command("", transaction);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    command.With(name, row[c]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Placeholders "@prefix0, @prefix1, ..." bound to <paramref name="values"/>, for an IN list.</summary>
    public static string BindList(this DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            command.With(names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
