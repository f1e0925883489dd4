import type { FilterGroup } from "@/lib/search/syntax";

// Names for the facet groups and their values; shared by the server-rendered filters panel,
// the active-filter chips and the client facet lists.

export const FACET_LABELS: Record<FilterGroup, { legend: string; noun: string }> = {
  speaker: { legend: "Answered by", noun: "speakers" },
  questioner: { legend: "Asked by", noun: "journalists" },
  outlet: { legend: "Outlet", noun: "outlets" },
  conference: { legend: "Conference", noun: "conferences" },
  organizer: { legend: "Organizer", noun: "organizers" },
  topic: { legend: "Topic", noun: "topics" },
  lang: { legend: "Language", noun: "languages" },
  year: { legend: "Year", noun: "years" },
};

const LANGUAGE_NAMES: Record<string, string> = { en: "English", zh: "Chinese" };
/** Display names for facet values that are keys: conference slugs get their titles. */
export type FacetLabels = Partial<Record<FilterGroup, Record<string, string>>>;
export const facetValueLabel = (group: FilterGroup, value: string, labels?: Record<string, string>) =>
  group === "lang" ? (LANGUAGE_NAMES[value] ?? value) : (labels?.[value] ?? value);
