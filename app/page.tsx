import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import "./qa/qa.css";
import { latestConferences } from "@/lib/catalog/latest";
import { formatDate } from "@/lib/catalog/format";
import { conferencePath, personPath } from "@/lib/catalog/paths";
import { listSpeakers } from "@/lib/catalog/people";

// Rendered per request: the archive changes whenever an editor publishes.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  alternates: { canonical: "/", types: { "application/atom+xml": [{ url: "/feed.xml", title: "Pressroom — newest conferences" }] } },
};

export default async function HomePage() {
  const [conferences, speakers] = await Promise.all([latestConferences(), listSpeakers(1, 8)]);
  return (
    <>
      <h1>What did they answer, when, and who asked?</h1>
      <p className="muted">Search press conferences question by question. Every answer has a permanent link you can cite.</p>
      <SearchBox />
      <h2>Latest conferences</h2>
      {conferences.length === 0 ? (
        <p>No conferences have been published yet.</p>
      ) : (
        <ul className="card-list">
          {conferences.map((c) => (
            <li key={c.slug} className="card">
              <Link href={conferencePath(c.slug)} lang={c.language}>
                {c.title}
              </Link>
              <div className="muted">{[formatDate(c.heldOn), c.organizer, `${c._count.pairs} ${c._count.pairs === 1 ? "question" : "questions"}`].filter(Boolean).join(" · ")}</div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/conferences">All conferences</Link>
      </p>
      {speakers.items.length ? (
        <>
          <h2>Most answers</h2>
          <ul className="inline-list">
            {speakers.items.map((s) => (
              <li key={s.slug}>
                <Link href={personPath(s.slug)}>{s.name}</Link> <span className="muted">({s.answers})</span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/people">All people</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
