// Pure normalisation of printed speaker and outlet labels into match keys. Two labels with the
// same key are the same person (or outlet) and are merged automatically on import; labels that
// are only close (a typo, a full name next to a bare surname) become suggestions for editors
// (see suggestions.ts). Keys are internal: they never appear on a page.

/** Courtesy titles, including the clipped and glued forms OCR produces ("M.", "S.", "QMS."). */
const HONORIFICS = new Set(["mr", "ms", "mrs", "miss", "dr", "m", "s", "prof", "sir", "madam"]);

/**
 * Office words that precede a surname in transcripts ("SECRETARY MAYORKAS", "PRESS SECRETARY
 * PSAKI", "ACTING ADMINISTRATOR SLAVITT"), with the misspellings seen in the White House file.
 * They change over the years while the person stays the same, so they are not part of the key.
 */
const TITLE_WORDS = new Set([
  "the",
  "acting",
  "deputy",
  "assistant",
  "principal",
  "senior",
  "vice",
  "press",
  "national",
  "security",
  "secretary",
  "administrator",
  "adminstrator",
  "adminsitrator",
  "administration",
  "chair",
  "chairman",
  "chairwoman",
  "director",
  "ambassador",
  "governor",
  "senator",
  "congressman",
  "congresswoman",
  "representative",
  "mayor",
  "general",
  "lieutenant",
  "lt",
  "admiral",
  "surgeon",
  "advisor",
  "adviser",
  "chief",
  "coach",
  "president",
  "presidnet",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "minister",
  "foreign",
  "prime",
  "commissioner",
  "attorney",
  "judge",
  "justice",
  "speaker",
  "leader",
  "captain",
  "colonel",
  "major",
  "sergeant",
  "officer",
  "counselor",
  "envoy",
  "special",
  "first",
  "lady",
  "gentleman",
  "sen",
  "rep",
  "gov",
  "amb",
  "gen",
  "adm",
  "sec",
]);

/**
 * Labels that name a role, not a person: every "SENIOR ADMINISTRATION OFFICIAL" is someone
 * else, so these are never folded into a named person; they match only their own exact label.
 */
const ROLE_WORDS = /\b(?:official|officia|offial|aide|crew|member|members|interpreter|photojournalist|moderator|participant|audience|staff|reporter|journalist)\b/;

// Generic labels say what a turn is, not who spoke it; they never become a person or outlet.
const GENERIC = new Set(["q", "a", "question", "answer", "follow up", "follow-up", "reporter", "journalist", "问", "答", "追问", "记者", "unidentified", "unknown"]);

const CJK = /[\u3400-\u9fff]/;

/**
 * Common OCR confusions, folded the same way on both sides so "SULL1VAN" meets "SULLIVAN".
 * "1", "i" and "l" all become "l" (OCR reads each as the others); names that differ only there
 * are rarer than OCR slips. Keys are never shown, so the folded spelling does not matter.
 */
function foldLookAlikes(word: string): string {
  return word.replace(/0/g, "o").replace(/[1i|]/g, "l").replace(/5/g, "s").replace(/rn/g, "m").replace(/vv/g, "w");
}

/** Lower case, accents and punctuation gone, curly quotes straight; words separated by one space. */
export function plainWords(label: string): string[] {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9'\u3400-\u9fff-]+/g, " ")
    .replace(/(^|\s)[-']+|[-']+(?=\s|$)/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

export type LabelIdentity =
  /** A named person: surname only (needs the archive scope to be safe) or a full name. */
  | { kind: "person"; key: string; surname: string; words: string[] }
  /** A role or office without a name ("SENIOR ADMINISTRATION OFFICIAL", "THE PRESIDENT"). */
  | { kind: "role"; key: string };

/**
 * What a printed speaker label identifies. `scope` is the archive the label was printed in
 * (the conference organizer): a bare surname ("PSAKI") is only safe to match inside it, while a
 * full name ("Geng Shuang", "耿爽") is matched everywhere. Null for generic labels ("Q", "记者").
 */
export function personIdentity(label: string, scope: string | null): LabelIdentity | null {
  const raw = label.trim();
  if (!raw) return null;
  const scopeKey = plainWords(scope ?? "").join(" ");
  const words = plainWords(raw);
  if (words.length === 0 || GENERIC.has(words.join(" "))) return null;
  if (CJK.test(raw)) {
    const name = words.join("");
    return { kind: "person", key: `name:${name}`, surname: name, words: [name] };
  }
  const joined = words.join(" ");
  if (ROLE_WORDS.test(joined)) return { kind: "role", key: `role:${scopeKey}:${joined}` };

  // A label printed twice in a row ("SECRETARY FOWLER SECRETARY FOWLER").
  const half = words.length / 2;
  let rest = words.length % 2 === 0 && words.slice(0, half).join(" ") === words.slice(half).join(" ") ? words.slice(0, half) : [...words];
  // A stray "Q" glued to the honorific where a question ended on the previous line ("QMS. PSAKI").
  if (rest.length > 1 && /^q(mr|ms|mrs|dr)$/.test(rest[0])) rest[0] = rest[0].slice(1);
  while (rest.length > 1 && (HONORIFICS.has(rest[0]) || TITLE_WORDS.has(rest[0]))) rest = rest.slice(1);
  // Nothing but titles, or a title last ("THE PRESIDENT", "NSC SPOKESPERSON", "THE SOLICITOR GENERAL"): a role.
  const last = rest[rest.length - 1];
  if (HONORIFICS.has(last) || TITLE_WORDS.has(last) || (rest.length === 1 && last.length < 2)) {
    return { kind: "role", key: `role:${scopeKey}:${joined}` };
  }
  const folded = rest.map(foldLookAlikes);
  const surname = folded[folded.length - 1];
  if (folded.length === 1) return { kind: "person", key: `surname:${scopeKey}:${surname}`, surname, words: folded };
  // Full names: middle initials and a "Jr." do not tell people apart in practice.
  const significant = folded.filter((w, i) => i === 0 || i === folded.length - 1 || w.length > 1).filter((w) => w !== "jr" && w !== "sr");
  return { kind: "person", key: `name:${significant.join(" ")}`, surname: significant[significant.length - 1], words: significant };
}

/** The match key of a speaker label, or null when the label names nobody. */
export function personMatchKey(label: string, scope: string | null): string | null {
  return personIdentity(label, scope)?.key ?? null;
}

const OUTLET_SUFFIXES = [/ news agency$/, / news$/, / agency$/, / newspaper$/, / inc$/, / ltd$/, / corporation$/, / co$/];

/** Words of an outlet name without "《》", "记者" and agency suffixes: "Reuters News Agency" → reuters. */
function outletCore(name: string): string {
  let text = name.trim().replace(/[《》「」“”"]/g, "");
  text = text.replace(/(?:驻\S+)?记者$/, "").replace(/(?:社|台)?记者$/, (m) => m.replace("记者", ""));
  if (CJK.test(text)) return text.replace(/\s+/g, "");
  let core = plainWords(text).join(" ").replace(/^the /, "");
  for (const suffix of OUTLET_SUFFIXES) core = core.replace(suffix, "");
  return core.split(" ").map(foldLookAlikes).join(" ");
}

/**
 * Match key of an outlet name. Outlets are one list across the archive ("Reuters" in the MFA
 * files and in a White House transcript is one outlet), so there is no scope. Null for generic
 * labels that name no outlet ("Journalist", "记者", "Follow-up").
 */
export function outletMatchKey(name: string): string | null {
  if (GENERIC.has(plainWords(name).join(" ")) || GENERIC.has(name.trim())) return null;
  const core = outletCore(name);
  return core ? `outlet:${core}` : null;
}

/** Initials of an outlet's words ("Agence France-Presse" → "afp"), folded like keys, for suggestions only. */
export function outletInitials(name: string): string {
  return foldLookAlikes(
    plainWords(name.replace(/-/g, " "))
      .filter((w) => !["of", "the", "and", "for"].includes(w))
      .map((w) => w[0])
      .join(""),
  );
}

/** Levenshtein distance, capped: above `max` the exact value does not matter. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}
