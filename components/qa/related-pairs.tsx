import Link from "next/link";
import { contentLang, formatDate } from "@/lib/catalog/format";
import { conferencePath, qaPath } from "@/lib/catalog/paths";
import { relatedPairs } from "@/lib/catalog/related";

/** Related answers from other conferences and years (lib/catalog/related.ts); renders nothing when search is down or finds none. */
export async function RelatedPairs(props: { publicId: string; question: string; topics: string[]; conferenceSlug: string }) {
  const related = await relatedPairs(props);
  if (!related || related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="no-print">
      <h2 id="related-heading">Related answers from other conferences</h2>
      <ul className="card-list">
        {related.map((r) => (
          <li key={r.publicId} className="card">
            <Link href={qaPath(r.publicId, r.question)} lang={contentLang(r.language)}>
              {r.question}
            </Link>
            <div className="muted">
              <Link href={conferencePath(r.conferenceSlug)} lang={contentLang(r.language)}>
                {r.conferenceTitle}
              </Link>
              {r.date ? ` · ${formatDate(new Date(r.date * 1000))}` : ""}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
