import Link from "next/link";
import { contentLang, formatDate, nameLang } from "@/lib/catalog/format";
import type { PairListPage } from "@/lib/catalog/pair-list";
import { conferencePath, outletPath, qaPath } from "@/lib/catalog/paths";

/** A page of Q&A pairs with plain-link pagination (no client JavaScript). */
export function PairList({ list, basePath, emptyText }: { list: PairListPage; basePath: string; emptyText: string }) {
  if (list.total === 0) return <p>{emptyText}</p>;
  return (
    <>
      <p className="muted" id="pair-list-summary">
        {list.total} {list.total === 1 ? "answer" : "answers"}, newest first
        {list.pageCount > 1 ? ` · page ${list.page} of ${list.pageCount}` : ""}
      </p>
      <ol className="card-list" start={(list.page - 1) * list.limit + 1} aria-describedby="pair-list-summary">
        {list.items.map((item) => {
          const lang = contentLang(item.conference.language);
          return (
            <li key={item.publicId} className="card">
              <Link href={qaPath(item.publicId, item.question)} lang={lang}>
                {item.question.length > 220 ? `${item.question.slice(0, 220)}…` : item.question}
              </Link>
              {item.answerExcerpt ? (
                <p className="pair-list__answer" lang={lang}>
                  {item.answerers.length ? <strong>{item.answerers.join(", ")}: </strong> : null}
                  {item.answerExcerpt}
                </p>
              ) : null}
              <div className="muted">
                <Link href={conferencePath(item.conference.slug)} lang={lang}>
                  {item.conference.title}
                </Link>
                {item.conference.heldOn ? ` · ${formatDate(item.conference.heldOn)}` : ""}
                {item.outlet ? (
                  <>
                    {" · "}
                    <Link href={outletPath(item.outlet.slug)} lang={nameLang(item.outlet.name)}>
                      {item.outlet.name}
                    </Link>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <PairPager list={list} basePath={basePath} />
    </>
  );
}

/** Newer / older links that carry a keyset cursor (lib/catalog/pair-cursor.ts), plus the two ends. */
function PairPager({ list, basePath }: { list: PairListPage; basePath: string }) {
  if (list.pageCount <= 1) return null;
  const href = (params: Record<string, string>) => `${basePath}?${new URLSearchParams(params).toString()}`;
  return (
    <nav aria-label="Pages">
      <ul className="pager">
        {list.page > 1 ? (
          <li>
            <Link href={basePath}>« Newest</Link>
          </li>
        ) : null}
        {list.cursors.before ? (
          <li>
            <Link href={list.page - 1 > 1 ? href({ page: String(list.page - 1), before: list.cursors.before }) : basePath} rel="prev">
              ← Newer
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {list.page} of {list.pageCount}
        </li>
        {list.cursors.after ? (
          <li>
            <Link href={href({ page: String(list.page + 1), after: list.cursors.after })} rel="next">
              Older →
            </Link>
          </li>
        ) : null}
        {list.page < list.pageCount ? (
          <li>
            <Link href={href({ page: "last" })}>Oldest »</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function Pager({ page, pageCount, basePath, query = {} }: { page: number; pageCount: number; basePath: string; query?: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    if (n > 1) params.set("page", String(n));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav aria-label="Pages">
      <ul className="pager">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              ← Newer
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              Older →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
