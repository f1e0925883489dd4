import { db } from "@/lib/db/client";

/**
 * Conference facet values are slugs (the filter needs a stable key); readers need the titles.
 * One indexed lookup for the few slugs a page shows, from Postgres, the source of truth.
 */
export async function conferenceTitles(slugs: readonly string[]): Promise<Record<string, string>> {
  if (slugs.length === 0) return {};
  const rows = await db().conference.findMany({ where: { slug: { in: [...new Set(slugs)] } }, select: { slug: true, title: true } });
  return Object.fromEntries(rows.map((r) => [r.slug, r.title]));
}
