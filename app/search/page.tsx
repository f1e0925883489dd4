import type { Metadata } from "next";
import { SearchResultsView } from "@/components/search/search-results-view";
import { describeParamError, parseSearchParams } from "@/lib/search/params";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  const q = parsed.success ? parsed.data.q : "";
  // A plain search for a term is a useful landing page ("what was said about X"); its filtered,
  // sorted and paged variants are near-duplicates, so they point at it and stay out of indexes.
  const plain = parsed.success && Object.keys(raw).every((key) => key === "q");
  const canonical = q ? `/search?q=${encodeURIComponent(q)}` : "/search";
  return { title: q ? `“${q}” — search` : "Search", alternates: { canonical }, robots: { index: plain, follow: true } };
}

export default async function SearchPage({ searchParams }: PageProps) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  if (!parsed.success) {
    return <SearchResultsView raw={raw} invalid={describeParamError(parsed.error)} />;
  }
  return <SearchResultsView raw={raw} params={parsed.data} />;
}
