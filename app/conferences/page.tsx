import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/qa/pair-list";
import { conferenceFacets, listConferences } from "@/lib/catalog/conference";
import { conferenceIndexQuerySchema } from "@/lib/catalog/conference-query";
import { formatDate } from "@/lib/catalog/format";
import { conferencePath } from "@/lib/catalog/paths";
import "../qa/qa.css";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = conferenceIndexQuerySchema.safeParse(await searchParams);
  const filtered = query.success && (query.data.organizer || query.data.year);
  return {
    title: "Conferences",
    description: "Every press conference in the archive, newest first, filterable by organizer and year.",
    alternates: { canonical: "/conferences" },
    ...(filtered ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ConferencesPage({ searchParams }: Props) {
  const parsed = conferenceIndexQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1, organizer: undefined, year: undefined };
  const [list, facets] = await Promise.all([listConferences({ ...query, limit: 50 }), conferenceFacets()]);
  const pageCount = Math.max(1, Math.ceil(list.total / list.limit));
  return (
    <>
      <h1>Conferences</h1>
      <form method="get" action="/conferences" className="filter-form" aria-label="Filter conferences">
        <label>
          Organizer
          <select name="organizer" defaultValue={query.organizer ?? ""}>
            <option value="">All organizers</option>
            {facets.organizers.map((o) => (
              <option key={o.name} value={o.name}>
                {o.name} ({o.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Year
          <select name="year" defaultValue={query.year ? String(query.year) : ""}>
            <option value="">All years</option>
            {facets.years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year} ({y.count})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        {query.organizer || query.year ? <Link href="/conferences">Clear filters</Link> : null}
      </form>
      {!parsed.success ? <p role="alert">Some filters were not understood and were ignored.</p> : null}
      <p className="muted" role="status">
        {list.total} {list.total === 1 ? "conference" : "conferences"}
      </p>
      {list.items.length ? (
        <ul className="card-list">
          {list.items.map((c) => (
            <li key={c.slug} className="card">
              <Link href={conferencePath(c.slug)} lang={c.language === "en" ? undefined : c.language}>
                {c.title}
              </Link>
              <div className="muted">
                {[formatDate(c.heldOn), c.organizer, c.location, `${c._count.pairs} ${c._count.pairs === 1 ? "question" : "questions"}`].filter(Boolean).join(" · ")}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>No conferences match these filters.</p>
      )}
      <Pager page={list.page} pageCount={pageCount} basePath="/conferences" query={{ organizer: query.organizer, year: query.year ? String(query.year) : undefined }} />
    </>
  );
}
