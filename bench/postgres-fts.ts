import type pg from "pg";

// The Postgres full-text baseline shared by the search and relevance benchmarks: each pair's
// question and answer turns as one English tsvector with a GIN index, ranked by ts_rank_cd.

export async function buildFullTextBaseline(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE bench_fts AS
    SELECT p.id, p."sourceId", to_tsvector('english', string_agg(t.text, ' ' ORDER BY t.position)) AS doc
    FROM "QaPair" p JOIN "Turn" t ON t."qaPairId" = p.id
    GROUP BY p.id`);
  await pool.query(`CREATE INDEX bench_fts_doc ON bench_fts USING GIN (doc)`);
  await pool.query(`ANALYZE bench_fts`);
}

/** Source ids of the best matches. AND: websearch_to_tsquery as is; OR: its lexemes joined with |. */
export async function fullTextSearch(pool: pg.Pool, q: string, limit: number, mode: "and" | "or" = "and"): Promise<string[]> {
  const query = mode === "and" ? "websearch_to_tsquery('english', $1)" : "replace(websearch_to_tsquery('english', $1)::text, '&', '|')::tsquery";
  const { rows } = await pool.query<{ sourceId: string }>(
    `SELECT "sourceId" FROM bench_fts, (SELECT ${query} AS q) AS query WHERE doc @@ q ORDER BY ts_rank_cd(doc, q) DESC LIMIT $2`,
    [q, limit],
  );
  return rows.map((r) => r.sourceId);
}
