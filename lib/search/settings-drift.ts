// Compares the settings the code declares (settings.ts) with what a live index reports, without
// knowing which settings exist: whatever settings.ts declares is compared, so a new setting
// (ranking rules, stop words, embedders…) is checked the day it is declared.
//
// Meilisearch answers GET /settings with every setting filled in (defaults included) and some
// lists normalised, so the comparison is "what we declare is what is live":
// - an object matches when every key we declare matches (keys only Meilisearch reports, such as
//   typoTolerance.minWordSizeForTypos when we leave it default, are not ours to check);
// - a list matches element for element, in order only where order means something (ranking
//   rules, searchable and displayed attributes); other lists are sets (Meilisearch sorts them);
// - a map keyed by our own names (synonyms, embedders) must hold no other keys;
// - secrets Meilisearch masks in its answer (an embedder's apiKey) cannot be compared.

/** Lists whose order changes behaviour; every other list is compared as a set. */
const ORDERED_LISTS = new Set(["rankingRules", "searchableAttributes", "displayedAttributes"]);
/** Objects keyed by our own names: a live key we do not declare (an old synonym) is drift too. */
const KEYED_MAPS = new Set(["synonyms", "embedders", "sortFacetValuesBy"]);
/** Values Meilisearch never returns as sent. */
const UNCOMPARABLE_KEYS = new Set(["apiKey"]);

export interface SettingsDifference {
  /** Dotted path of the setting, e.g. "typoTolerance.disableOnNumbers". */
  path: string;
  declared: unknown;
  live: unknown;
}

export function settingsDrift(declared: object, live: object): SettingsDifference[] {
  const differences: SettingsDifference[] = [];
  for (const [key, value] of Object.entries(declared)) {
    if (value === undefined) continue;
    if (!matches(value, (live as Record<string, unknown>)[key], key)) {
      differences.push({ path: key, declared: value, live: (live as Record<string, unknown>)[key] });
    }
  }
  return differences;
}

function matches(declared: unknown, live: unknown, key: string): boolean {
  if (Array.isArray(declared)) {
    if (!Array.isArray(live) || live.length !== declared.length) return false;
    if (ORDERED_LISTS.has(key)) return declared.every((item, i) => matches(item, live[i], key));
    // As sets: each declared item must match a distinct live item.
    const unused = [...live];
    return declared.every((item) => {
      const at = unused.findIndex((candidate) => matches(item, candidate, key));
      if (at < 0) return false;
      unused.splice(at, 1);
      return true;
    });
  }
  if (declared !== null && typeof declared === "object") {
    if (live === null || typeof live !== "object" || Array.isArray(live)) return false;
    if (KEYED_MAPS.has(key) && Object.keys(live).some((name) => !(name in declared))) return false;
    return Object.entries(declared).every(
      ([child, value]) => value === undefined || UNCOMPARABLE_KEYS.has(child) || matches(value, (live as Record<string, unknown>)[child], child),
    );
  }
  // An empty declaration (null) and Meilisearch's empty default are the same thing.
  if (declared === null) return live === null || live === undefined;
  return declared === live;
}

export function describeDrift(differences: SettingsDifference[]): string {
  const short = (value: unknown) => {
    const text = JSON.stringify(value) ?? "undefined";
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
  return differences.map((d) => `${d.path}: declared ${short(d.declared)}, live ${short(d.live)}`).join("; ");
}
