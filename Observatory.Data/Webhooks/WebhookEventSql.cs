namespace Observatory.Data.Webhooks;

/// <summary>
/// SQL that creates webhook events (CONTRACT §5) as an outbox: the INSERT is written into the very statement (or
/// transaction) that makes the change it announces, so an event exists exactly when the change committed. Use each
/// fragment as a data-modifying CTE after the UPDATE it announces, e.g.
/// <code>
/// WITH finished AS (UPDATE analyses SET status = 'completed', … WHERE … RETURNING *),
///      announced AS (INSERT … FROM finished …)          -- WebhookEventSql.AnnounceFinishedAnalyses("finished")
/// SELECT …
/// </code>
/// The event id is fixed here; the body is left empty and built by the worker's dispatcher from the resource at the
/// first attempt, then stored, so every retry sends the same bytes. (resource_id, type) is unique and the INSERT
/// ends with <c>ON CONFLICT DO NOTHING</c>, so announcing the same change twice creates one event.
/// The relation named in each fragment must be visible to it (a CTE of the same statement, or a table).
/// </summary>
public static class WebhookEventSql
{
    /// <summary><c>evt_</c> + 32 hex digits from a random UUID (PostgreSQL 13+ has gen_random_uuid built in).</summary>
    public const string EventIdExpression = "'evt_' || replace(gen_random_uuid()::text, '-', '')";

    /// <summary>
    /// An INSERT announcing every row of <paramref name="events"/>, a SELECT (or relation) with the columns
    /// <c>principal</c> (text; rows with NULL are skipped: public callers get no webhooks), <c>type</c> (text),
    /// <c>resource_id</c> (uuid), <c>url</c> (text; rows with NULL are skipped) and <c>created_at</c> (timestamptz;
    /// also when the first attempt is due). No parameters of its own; append <c>RETURNING id</c> to count the rows.
    /// </summary>
    public static string InsertEvents(string events) => $"""
        INSERT INTO webhook_deliveries (event_id, principal, type, resource_id, url, body, status, attempts, next_attempt_at, created_at)
        SELECT {EventIdExpression}, e.principal, e.type, e.resource_id, e.url, '', '{WebhookDeliveryStatus.Pending}', 0, e.created_at, e.created_at
        FROM ({events}) AS e
        WHERE e.principal IS NOT NULL AND e.url IS NOT NULL AND e.url <> ''
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// analysis.completed | analysis.failed | analysis.cancelled for every row of <paramref name="finishedAnalyses"/>
    /// (the RETURNING of an UPDATE of <c>analyses</c> that made them terminal; it must return <c>id</c>, <c>owner</c>,
    /// <c>status</c>, <c>options_json</c>, <c>batch_id</c> and <c>completed_at</c>). Batch items are left out: a
    /// batch's callback hears once, with batch.completed, not once per conversation.
    /// </summary>
    public static string AnnounceFinishedAnalyses(string finishedAnalyses) => InsertEvents($"""
        SELECT owner AS principal, 'analysis.' || status AS type, id AS resource_id,
               options_json ->> 'callback_url' AS url, completed_at AS created_at
        FROM {finishedAnalyses}
        WHERE batch_id IS NULL AND status IN ('completed', 'failed', 'cancelled')
        """);

    /// <summary>
    /// batch.completed for every row of <paramref name="completedBatches"/> (the RETURNING of the UPDATE of
    /// <c>batches</c> that finalized them; it must return <c>id</c>, <c>owner</c>, <c>options_json</c> with the
    /// batch's <c>callback_url</c>, and <c>completed_at</c>).
    /// </summary>
    public static string AnnounceCompletedBatches(string completedBatches) => InsertEvents($"""
        SELECT owner AS principal, 'batch.completed' AS type, id AS resource_id,
               options_json ->> 'callback_url' AS url, completed_at AS created_at
        FROM {completedBatches}
        """);
}
