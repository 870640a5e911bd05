namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// The ordered schema migrations, shared by both back ends ({id}, {ts} and {nullsLast} are rendered by the
/// <see cref="SqlDialect"/>). Append new migrations; never edit one that has shipped.
/// </summary>
internal static class StoreSchema
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at {ts} NOT NULL
        )
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "articles, events and sources", """
            CREATE TABLE articles (
                id {id},
                url TEXT NOT NULL UNIQUE,
                -- unique: two URLs of one canonical page are merged into one article, never stored twice
                canonical_url TEXT UNIQUE,
                source_id TEXT,
                status TEXT NOT NULL,
                failure_reason TEXT,
                failure_message TEXT,
                failed_at {ts},
                attempts INTEGER NOT NULL DEFAULT 0,
                etag TEXT,
                last_modified TEXT,
                content_hash TEXT,
                title TEXT,
                byline TEXT,
                site_name TEXT,
                published_at TEXT,
                language TEXT,
                -- FORMAT.md's article record without its text, which is kept once, in the text column
                article_json TEXT,
                text TEXT,
                extractor_version TEXT,
                model_version TEXT,
                warning TEXT,
                lease_owner TEXT,
                lease_until {ts},
                discovered_at {ts} NOT NULL,
                fetched_at {ts},
                extracted_at {ts},
                updated_at {ts} NOT NULL
            );
            CREATE INDEX ix_articles_status ON articles (status, discovered_at);
            CREATE INDEX ix_articles_source ON articles (source_id, status);

            -- other URLs of an article: a second URL merged into it by its canonical URL, a redirect target
            CREATE TABLE article_urls (
                url TEXT PRIMARY KEY,
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
            );
            CREATE INDEX ix_article_urls_article ON article_urls (article_id);

            CREATE TABLE article_history (
                id {id},
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                at {ts} NOT NULL,
                action TEXT NOT NULL,
                detail TEXT
            );
            CREATE INDEX ix_article_history_article ON article_history (article_id, at);

            CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                summary TEXT NOT NULL,
                -- yyyy-MM-dd: occurredAt, else the article's publication date; null when neither is known
                event_date TEXT,
                confidence DOUBLE PRECISION NOT NULL,
                extracted_at {ts} NOT NULL,
                extractor_version TEXT NOT NULL,
                model_version TEXT NOT NULL,
                -- Lower-cased, newline-joined copies for the substring filters. A substring match can use no B-tree
                -- index, so one pass over this table (no joins) is the fastest plan on both back ends; the event_*
                -- tables below stay the structured record, used for the statistics.
                search_text TEXT NOT NULL,
                leakers_text TEXT NOT NULL,
                recipients_text TEXT NOT NULL,
                owners_text TEXT NOT NULL,
                reactors_text TEXT NOT NULL,
                reporting_sources_text TEXT NOT NULL,
                classifications_text TEXT NOT NULL,
                event_json TEXT NOT NULL
            );
            CREATE INDEX ix_events_article ON events (article_id, position);
            -- the events page: newest first, in exactly this order, so page 1 reads a handful of index entries
            CREATE INDEX ix_events_newest ON events (event_date DESC{nullsLast}, extracted_at DESC, article_id DESC, position);

            CREATE TABLE event_actors (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                name TEXT NOT NULL,
                name_lower TEXT NOT NULL,
                PRIMARY KEY (event_id, role, name_lower)
            );
            CREATE INDEX ix_event_actors_role ON event_actors (role, name_lower);

            CREATE TABLE event_reporting_sources (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                name_lower TEXT NOT NULL,
                PRIMARY KEY (event_id, name_lower)
            );
            CREATE INDEX ix_event_reporting_sources_name ON event_reporting_sources (name_lower);

            CREATE TABLE event_classifications (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                classification TEXT NOT NULL,
                PRIMARY KEY (event_id, classification)
            );
            CREATE INDEX ix_event_classifications_value ON event_classifications (classification);

            CREATE TABLE sources (
                source_id TEXT PRIMARY KEY,
                last_poll_at {ts},
                next_poll_at {ts},
                last_error TEXT,
                polls INTEGER NOT NULL DEFAULT 0,
                failed_polls INTEGER NOT NULL DEFAULT 0,
                items_seen BIGINT NOT NULL DEFAULT 0,
                new_articles BIGINT NOT NULL DEFAULT 0
            );

            CREATE TABLE source_polls (
                id {id},
                source_id TEXT NOT NULL,
                started_at {ts} NOT NULL,
                finished_at {ts} NOT NULL,
                items_seen INTEGER NOT NULL,
                new_articles INTEGER NOT NULL,
                error TEXT
            );
            CREATE INDEX ix_source_polls_source ON source_polls (source_id, finished_at);
            """),
    ];

    /// <summary>One schema step; <see cref="Sql"/> may hold several statements separated by semicolons.</summary>
    public sealed record Migration(int Version, string Description, string Sql);
}
