import type { Metadata } from "next";
import { SearchResultsView } from "@/components/search/search-results-view";
import { describeParamError, parseSearchParams } from "@/lib/search/params";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.success ? parsed.data.q : "";
  // Result lists change with every import; links from them are what should be indexed.
  return { title: q ? `“${q}” — search` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: PageProps) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  if (!parsed.success) {
    return <SearchResultsView raw={raw} invalid={describeParamError(parsed.error)} />;
  }
  return <SearchResultsView raw={raw} params={parsed.data} />;
}
