// The name a corpus record's source page is published under. A Source link that points at the
// ministry's page must be labelled with the ministry, not with the dataset that carried it to us;
// the dataset stays on record in QaPair.sourceId and the importer's provenance.

const PUBLISHERS: { host: RegExp; en: string; zh?: string }[] = [
  { host: /(^|\.)fmprc\.gov\.cn$/i, en: "Ministry of Foreign Affairs of the People's Republic of China", zh: "中华人民共和国外交部" },
  { host: /(^|\.)(bidenwhitehouse\.archives\.gov|whitehouse\.gov)$/i, en: "The White House" },
  { host: /(^|\.)presidency\.ucsb\.edu$/i, en: "The American Presidency Project" },
];

/** Datasets whose records carry no page address, named by where their texts came from (the corpus README). */
const DATASET_ORIGINS: { source: RegExp; name: string }[] = [{ source: /^henriquesposito\/poldis\b/i, name: "The American Presidency Project (via the poldis dataset)" }];

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function publisherName(record: { url: string | null; source: string; lang: string; organizer: string | null }): string {
  let url = record.url;
  let archived = false;
  // An Internet Archive copy (`web.archive.org/web/<time>/<original>`) is named after the original.
  const wayback = url?.match(/^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.+)$/i);
  if (wayback) {
    url = /^https?:\/\//i.test(wayback[1]) ? wayback[1] : `http://${wayback[1]}`;
    archived = true;
  }
  const host = url ? hostOf(url) : null;
  const publisher = host ? PUBLISHERS.find((p) => p.host.test(host)) : undefined;
  if (publisher) {
    const name = record.lang === "zh" && publisher.zh ? publisher.zh : publisher.en;
    return archived ? `${name} (Internet Archive copy)` : name;
  }
  const dataset = DATASET_ORIGINS.find((d) => d.source.test(record.source));
  if (dataset) return dataset.name;
  return record.organizer ?? record.source.split(/[@:]/)[0];
}
