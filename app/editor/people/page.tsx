import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { identityEditorPath } from "@/lib/people/editor";
import { listIdentityEntries, mergeSuggestions } from "@/lib/people/suggestions";
import { mergeIdentitiesAction } from "./actions";

export const metadata = { title: "People and outlets" };
export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<{ kind?: string; q?: string; error?: string; done?: string }> };

export default async function EditorPeoplePage({ searchParams }: PageProps) {
  await requireRoleForPage("EDITOR");
  const params = await searchParams;
  const kind = params.kind === "outlet" ? "outlet" : "speaker";
  const q = (params.q ?? "").trim().toLowerCase();
  const [suggestions, entries] = await Promise.all([mergeSuggestions(kind), listIdentityEntries(kind)]);
  const shown = entries.filter((e) => !q || e.name.toLowerCase().includes(q) || e.slug.includes(q)).slice(0, 200);
  const label = kind === "speaker" ? "people" : "outlets";
  const back = identityEditorPath(kind);
  return (
    <>
      <h1>{kind === "speaker" ? "People" : "Outlets"}</h1>
      <p>
        <Link href={identityEditorPath("speaker")} aria-current={kind === "speaker" ? "page" : undefined}>
          People
        </Link>
        {" · "}
        <Link href={identityEditorPath("outlet")} aria-current={kind === "outlet" ? "page" : undefined}>
          Outlets
        </Link>
      </p>
      <p className="muted">
        Imports file each printed label under a {kind === "speaker" ? "person" : "outlet"} automatically when it is the same once normalised (case, punctuation, courtesy titles,
        office titles). Closer calls are listed here for you to decide.
      </p>
      {params.error ? <p role="alert">{`Not changed: ${params.error}`}</p> : null}
      {params.done ? <p role="status">{params.done}</p> : null}
      <h2>Suggested merges</h2>
      {suggestions.length === 0 ? (
        <p className="muted">No suggestions.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Keep</th>
              <th scope="col">Merge into it</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => (
              <tr key={`${s.a.id}-${s.b.id}`}>
                <td>
                  <Link href={identityEditorPath(kind, String(s.a.id))}>{s.a.name}</Link> <span className="muted">({s.a.uses})</span>
                </td>
                <td>
                  <Link href={identityEditorPath(kind, String(s.b.id))}>{s.b.name}</Link> <span className="muted">({s.b.uses})</span>
                </td>
                <td>{s.reason}</td>
                <td>
                  <form action={mergeIdentitiesAction}>
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="fromId" value={s.b.id} />
                    <input type="hidden" name="intoId" value={s.a.id} />
                    <input type="hidden" name="back" value={back} />
                    <button type="submit" aria-label={`Merge ${s.b.name} into ${s.a.name}`}>
                      Merge
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>All {label}</h2>
      <form method="get" action="/editor/people">
        <input type="hidden" name="kind" value={kind} />
        <label htmlFor="people-q">Find</label> <input id="people-q" name="q" defaultValue={params.q ?? ""} /> <button type="submit">Find</button>
      </form>
      <ul className="card-list">
        {shown.map((e) => (
          <li key={e.id} className="card">
            <Link href={identityEditorPath(kind, String(e.id))}>{e.name}</Link>{" "}
            <span className="muted">
              /{e.slug} · {e.uses} {kind === "speaker" ? "turns" : "questions"}
            </span>
          </li>
        ))}
      </ul>
      {entries.length > shown.length ? (
        <p className="muted">
          {shown.length} of {entries.length} shown; use Find to narrow.
        </p>
      ) : null}
    </>
  );
}
