import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { goldDir, loadGold } from "./gold";
import { normLabel } from "./score";

// `npm run bench:parser -- --agreement`: inter-annotator agreement between the gold set
// (annotator 1) and an independent second segmentation of a sample of its files
// (bench/parser/gold-second/, same format, made without looking at the gold positions).
// The metric is the parser's: pairs match by start offset; answer speakers are compared
// (normalised label) on matched pairs. It is the realistic ceiling for the parser's F1.

export const secondDir = path.join(goldDir, "../gold-second");

interface Side {
  pairs: Array<{ start: number; answerSpeaker: string }>;
}

export function agreement(first: Side, second: Side) {
  const one = new Map(first.pairs.map((p) => [p.start, p.answerSpeaker]));
  let matched = 0;
  let sameSpeaker = 0;
  const onlySecond: number[] = [];
  const speakerDiffers: Array<{ start: number; first: string; second: string }> = [];
  for (const p of second.pairs) {
    const want = one.get(p.start);
    if (want === undefined) {
      onlySecond.push(p.start);
      continue;
    }
    matched++;
    if (normLabel(want) === normLabel(p.answerSpeaker)) sameSpeaker++;
    else speakerDiffers.push({ start: p.start, first: want, second: p.answerSpeaker });
  }
  const twoStarts = new Set(second.pairs.map((p) => p.start));
  const onlyFirst = first.pairs.map((p) => p.start).filter((s) => !twoStarts.has(s));
  return { first: one.size, second: second.pairs.length, matched, sameSpeaker, onlyFirst, onlySecond, speakerDiffers };
}

type Row = ReturnType<typeof agreement>;

function rates(rows: Row[]) {
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
  const [a, b, m, s] = [sum((r) => r.first), sum((r) => r.second), sum((r) => r.matched), sum((r) => r.sameSpeaker)];
  const p = b ? m / b : 1;
  const r = a ? m / a : 1;
  return { first: a, second: b, matched: m, f1: p + r ? (2 * p * r) / (p + r) : 0, speaker: m ? s / m : 1 };
}

export function runAgreement(showDiffs: boolean) {
  const ids = new Set(
    readdirSync(secondDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, "")),
  );
  const gold = loadGold().filter((g) => ids.has(g.id));
  const rows = new Map<string, Row>();
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log("file".padEnd(48), "split   ann1 ann2 both    F1   spk");
  for (const g of gold) {
    const second = JSON.parse(readFileSync(path.join(secondDir, `${g.id}.json`), "utf8")) as Side & { split: string };
    if (second.split !== g.split) throw new Error(`${g.id}: the second annotation says split ${second.split}, the gold ${g.split}`);
    const row = agreement(g, second);
    rows.set(g.id, row);
    const r = rates([row]);
    console.log(
      g.id.slice(0, 48).padEnd(48),
      (g.split === "heldout" ? "HELD" : "tune").padEnd(6),
      String(r.first).padStart(4),
      String(r.second).padStart(4),
      String(r.matched).padStart(4),
      pct(r.f1),
      pct(r.speaker),
    );
    // Disagreements are printed for both halves: resolving them against the written conventions is gold work, not parser tuning.
    if (showDiffs && (row.onlyFirst.length || row.onlySecond.length || row.speakerDiffers.length))
      console.log("   only ann1", row.onlyFirst, "only ann2", row.onlySecond, "speaker", JSON.stringify(row.speakerDiffers));
  }
  const summary: Record<string, ReturnType<typeof rates>> = {};
  console.log("\nagreement          files ann1 ann2 both    F1   spk");
  for (const [name, files] of Object.entries({ tune: gold.filter((g) => g.split === "tune"), heldout: gold.filter((g) => g.split === "heldout"), all: gold })) {
    if (!files.length) continue;
    const t = (summary[name] = rates(files.map((g) => rows.get(g.id)!)));
    console.log(
      name.padEnd(18),
      String(files.length).padStart(5),
      String(t.first).padStart(4),
      String(t.second).padStart(4),
      String(t.matched).padStart(4),
      pct(t.f1),
      pct(t.speaker),
    );
  }
  return summary;
}
