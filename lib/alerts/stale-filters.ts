import { db } from "@/lib/db/client";
import { paramsOfSaved } from "./saved-search";

// A followed search names speakers, outlets and topics by name. When editors merge or rename
// them, the saved filter silently matches nothing; this says so (manage page, editors' page),
// naming the person or outlet it was merged into, so the subscriber can follow that instead.

export async function staleFilters(search: string): Promise<string[]> {
  const params = paramsOfSaved(search);
  if (!params) return ["this search can no longer be read; follow it again from the search page"];
  const notes: string[] = [];
  const people = [...new Set([...params.speaker, ...params.questioner])];
  if (people.length) {
    const rows = await db().speaker.findMany({ where: { name: { in: people } }, select: { name: true, mergedInto: { select: { name: true } } } });
    for (const name of people) {
      const found = rows.filter((r) => r.name === name);
      if (found.length === 0) notes.push(`“${name}” is no longer in the archive under this name`);
      else if (found.every((r) => r.mergedInto)) notes.push(`“${name}” was merged into “${found[0].mergedInto!.name}”`);
    }
  }
  if (params.outlet.length) {
    const rows = await db().outlet.findMany({ where: { name: { in: params.outlet } }, select: { name: true, mergedInto: { select: { name: true } } } });
    for (const name of params.outlet) {
      const found = rows.filter((r) => r.name === name);
      if (found.length === 0) notes.push(`outlet “${name}” is no longer in the archive under this name`);
      else if (found.every((r) => r.mergedInto)) notes.push(`outlet “${name}” was merged into “${found[0].mergedInto!.name}”`);
    }
  }
  if (params.topic.length) {
    const known = new Set((await db().topic.findMany({ where: { name: { in: params.topic } }, select: { name: true } })).map((t) => t.name));
    for (const name of params.topic) if (!known.has(name)) notes.push(`topic “${name}” is no longer in the archive`);
  }
  return notes;
}
