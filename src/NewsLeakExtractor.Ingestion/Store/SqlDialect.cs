using System.Data.Common;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// The few places where SQLite and PostgreSQL differ. Everything else (every query, every rule) lives once in
/// <see cref="SqlArticleStore"/>, so the two back ends cannot drift apart in behaviour.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The column definition of a generated 64-bit key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>The column type of a UTC timestamp.</summary>
    public abstract string TimestampType { get; }

    /// <summary>Appended to a descending sort key so rows without a value come last (SQLite already sorts them last).</summary>
    public abstract string NullsLast { get; }

    /// <summary>Appended to a text expression in tie-breaking sorts so both back ends order by code point, not by locale.</summary>
    public abstract string BinaryCollation { get; }

    /// <summary>A condition true when <paramref name="text"/> contains <paramref name="part"/> (plain text, no pattern characters).</summary>
    public abstract string Contains(string text, string part);

    /// <summary>Whether many rows go in one INSERT statement (worth it when each statement is a network round trip).</summary>
    public abstract bool MultiRowInserts { get; }

    /// <summary>The value to bind for a timestamp: UTC, truncated to microseconds (PostgreSQL's precision) on both back ends.</summary>
    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>An error worth retrying the whole unit of work for: a lost race on a unique key, a deadlock, a serialization failure.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Replaces the schema placeholders ({id}, {ts}, {nullsLast}) of a migration with this dialect's spelling.</summary>
    public string Render(string ddl) => ddl
        .Replace("{id}", IdentityColumn, StringComparison.Ordinal)
        .Replace("{ts}", TimestampType, StringComparison.Ordinal)
        .Replace("{nullsLast}", NullsLast, StringComparison.Ordinal);

    protected static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
