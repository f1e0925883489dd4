import { db } from "@/lib/db/client";
import { counterpartLabel, counterpartSelect, pairCounterparts } from "./counterparts";

// Search across languages: under a hit, the same exchange in the briefing's other language,
// so an English query that finds the English rendering also leads to the Chinese original and
// the reverse. Read from Postgres for the page of hits only (one query), not from the index.

export interface HitCounterpart {
  id: string;
  label: string;
  language: string;
  question: string;
}

/** Counterparts of the hits by public id; a hit without one is absent. Never throws: search works without it. */
export async function counterpartsForHits(publicIds: string[]): Promise<Record<string, HitCounterpart[]>> {
  if (publicIds.length === 0) return {};
  try {
    const rows = await db().qaPair.findMany({ where: { publicId: { in: publicIds } }, select: { publicId: true, ...counterpartSelect } });
    const result: Record<string, HitCounterpart[]> = {};
    for (const row of rows) {
      const counterparts = pairCounterparts(row);
      if (counterparts.length === 0) continue;
      result[row.publicId] = counterparts.map((c) => ({
        id: c.publicId,
        label: counterpartLabel(c.language),
        language: c.language,
        question: c.turns
          .map((t) => t.text)
          .join(" ")
          .slice(0, 160),
      }));
    }
    return result;
  } catch {
    return {};
  }
}
