import type { CorpusRecord } from "./record";
import { organizers, outlets, personName, type Organizer } from "./synthesize-names";

// A realistic synthetic archive for scale tests, built from the real corpus: each synthetic
// conference recombines real exchanges (so texts keep the real length distribution and both
// languages), is dated somewhere between 1960 and 2025 (more briefings in later decades), and is
// held by one of hundreds of organizers whose spokespeople change every few years. Organizers
// and outlets are drawn with Zipf weights, so a few are very common and most are rare. Pure and
// deterministic: the same seed and sources give the same records in the same order.

/** One real exchange, kept lean: only what a synthetic record reuses. */
export interface SourceExchange {
  question: string;
  answer: string;
  answerers: string[];
  lang: "en" | "zh";
  topic: string | null;
  flags: string[];
}

export interface SynthesisSources {
  en: SourceExchange[];
  zh: SourceExchange[];
  /** Pairs per real conference, sampled for the size of each synthetic one. */
  conferenceSizes: number[];
  /** Real outlet names of the corpus, most frequent first. */
  outlets: { en: string[]; zh: string[] };
}

/** sfc32: a small, fast, well-mixed PRNG; floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Index in [0, n) with P(i) ∝ 1/(i+1)^s: the long tail of who speaks and who asks. */
export function zipfSampler(n: number, s: number): (random: () => number) => number {
  if (n < 1) throw new Error("zipfSampler needs at least one item");
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cdf[i] = total += 1 / Math.pow(i + 1, s);
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A stable small hash of a few integers (which spokesperson, which reporter). */
export function mix(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value & 0xffff), 0x01000193);
    h = Math.imul(h ^ (value >>> 16), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

const FIRST_DAY = Date.UTC(1960, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;
/** Share of conferences in Chinese (the real corpus has about 11 % Chinese pairs). */
const ZH_SHARE = 0.15;
/** Share of pairs whose asker is named ("Name, Outlet"). */
const NAMED_ASKER_SHARE = 0.35;
/** Spokespeople serve terms of this many years, staggered per organizer. */
const TERM_YEARS = 4;

export interface SynthesisOptions {
  pairs: number;
  seed: number;
}

/**
 * Yields conferences (arrays of records, in seq order) until exactly `pairs` records were made.
 * A generator, so a caller can stream a million records without holding them.
 */
export function* synthesizeConferences(sources: SynthesisSources, options: SynthesisOptions): Generator<CorpusRecord[]> {
  if (!Number.isInteger(options.pairs) || options.pairs < 1) throw new Error("pairs must be a whole number of 1 or more");
  if (!sources.en.length || !sources.zh.length || !sources.conferenceSizes.length) throw new Error("the synthesizer needs English and Chinese source exchanges");
  const random = seededRandom(options.seed);
  const orgs = organizers();
  const names = outlets(sources.outlets);
  const pickOrg = { en: zipfSampler(orgs.en.length, 1.05), zh: zipfSampler(orgs.zh.length, 1.05) };
  const pickOutlet = { en: zipfSampler(names.en.length, 1.1), zh: zipfSampler(names.zh.length, 1.1) };
  let made = 0;
  for (let n = 1; made < options.pairs; n++) {
    const lang = random() < ZH_SHARE ? "zh" : "en";
    const orgIndex = pickOrg[lang](random);
    const organizer = orgs[lang][orgIndex];
    // Density grows linearly with time: later decades hold more briefings, as archives do.
    const day = FIRST_DAY + Math.floor(Math.sqrt(random()) * ((LAST_DAY - FIRST_DAY) / DAY)) * DAY;
    const date = new Date(day).toISOString().slice(0, 10);
    const size = Math.min(sources.conferenceSizes[Math.floor(random() * sources.conferenceSizes.length)], options.pairs - made);
    const spokesperson = spokespersonOf(organizer, orgIndex, Number(date.slice(0, 4)), random);
    const title = conferenceTitle(organizer, date);
    const records: CorpusRecord[] = [];
    for (let seq = 1; seq <= size; seq++) {
      const pool = sources[lang];
      const exchange = pool[Math.floor(random() * pool.length)];
      records.push(recordOf({ n, seq, seed: options.seed, date, title, organizer, spokesperson, exchange, questioner: askerOf(lang, names[lang], pickOutlet[lang], random) }));
    }
    made += records.length;
    yield records;
  }
}

function spokespersonOf(organizer: Organizer, orgIndex: number, year: number, random: () => number): string {
  const stagger = orgIndex % TERM_YEARS;
  const term = Math.floor((year - 1960 + stagger) / TERM_YEARS);
  // One briefing in five is given by the deputy of the day.
  const deputy = random() < 0.2 ? 1 : 0;
  return personName(organizer.lang, mix(orgIndex, organizer.lang === "zh" ? 1 : 0, term, deputy));
}

function askerOf(lang: "en" | "zh", outletNames: string[], pick: (random: () => number) => number, random: () => number): string | null {
  if (random() >= NAMED_ASKER_SHARE) return null;
  const outletIndex = pick(random);
  // Each outlet sends a handful of regular reporters.
  const reporter = personName(lang, mix(outletIndex, lang === "zh" ? 7 : 3, Math.floor(random() * 6)));
  return `${reporter}, ${outletNames[outletIndex]}`;
}

function recordOf(input: {
  n: number;
  seq: number;
  seed: number;
  date: string;
  title: string;
  organizer: Organizer;
  spokesperson: string;
  exchange: SourceExchange;
  questioner: string | null;
}): CorpusRecord {
  const { n, seq, seed, date, organizer, spokesperson, exchange } = input;
  const conference = String(n).padStart(7, "0");
  return {
    id: `syn-s${seed}-c${conference}-${String(seq).padStart(3, "0")}`,
    date,
    conference: input.title,
    organizer: organizer.name,
    // The first answerer becomes the organizer's spokesperson; later answerers keep their
    // labels, which the answer text repeats inline where they take over.
    answerers: [spokesperson, ...exchange.answerers.slice(1).filter((label) => label !== spokesperson)],
    questioner: input.questioner,
    question: exchange.question,
    answer: exchange.answer,
    lang: exchange.lang,
    seq,
    topic: exchange.topic,
    url: null,
    flags: exchange.flags.filter((flag) => flag !== "year_inferred"),
    source: `pressroom/corpus-synthesize:seed ${seed} conference ${conference}`,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function conferenceTitle(organizer: Organizer, date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  if (organizer.lang === "zh") return `${year}年${month}月${day}日${organizer.name}例行新闻发布会`;
  return `Press briefing of the ${organizer.name}, ${MONTHS[month - 1]} ${day}, ${year}`;
}
