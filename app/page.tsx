import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { latestConferences } from "@/lib/catalog/latest";
import { formatDate } from "@/lib/catalog/format";

// Rendered per request: the archive changes whenever an editor publishes.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const conferences = await latestConferences();
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
              <Link href={`/conferences/${c.slug}`} lang={c.language}>
                {c.title}
              </Link>
              <div className="muted">
                {[formatDate(c.heldOn), c.organizer, `${c._count.pairs} questions`].filter(Boolean).join(" · ")}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
