import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRoleForPage } from "@/lib/auth/guard";
import { outletPath, personPath } from "@/lib/catalog/paths";
import { identityDetail, identityEditorPath } from "@/lib/people/editor";
import { mergeIdentitiesAction, renameIdentityAction, splitIdentityAction } from "../../actions";

export const metadata = { title: "Person or outlet" };
export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<{ error?: string; done?: string }> };

export default async function EditorIdentityPage({ params, searchParams }: PageProps) {
  await requireRoleForPage("EDITOR");
  const { kind: rawKind, id } = await params;
  const { error, done } = await searchParams;
  if (rawKind !== "speaker" && rawKind !== "outlet") notFound();
  const kind = rawKind;
  const entry = /^\d+$/.test(id) ? await identityDetail(kind, Number(id)) : null;
  if (!entry) notFound();
  const publicPath = kind === "speaker" ? personPath(entry.slug) : outletPath(entry.slug);
  const hidden = (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={entry.id} />
    </>
  );
  return (
    <>
      <p>
        <Link href={identityEditorPath(kind)}>← All {kind === "speaker" ? "people" : "outlets"}</Link>
      </p>
      <h1>{entry.name}</h1>
      {error ? <p role="alert">{`Not changed: ${error}`}</p> : null}
      {done ? <p role="status">{done}</p> : null}
      {entry.mergedIntoId ? (
        <p>
          Merged into <Link href={identityEditorPath(kind, String(entry.mergedIntoId))}>another entry</Link>; its old address redirects there.
        </p>
      ) : (
        <>
          <p>
            Public page: <Link href={publicPath}>{publicPath}</Link>
          </p>
          <h2>Printed as</h2>
          <ul>
            {entry.printed.map((p) => (
              <li key={p.label ?? ""}>
                {p.label ?? "(no label)"} <span className="muted">× {p.count}</span>
              </li>
            ))}
          </ul>
          <h2>Rename</h2>
          <form action={renameIdentityAction}>
            {hidden}
            <input type="hidden" name="version" value={entry.version} />
            <label htmlFor="rename-name">Name</label> <input id="rename-name" name="name" defaultValue={entry.name} required maxLength={200} />{" "}
            <button type="submit">Rename</button>
          </form>
          <h2>Merge into another entry</h2>
          <form action={mergeIdentitiesAction}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="fromId" value={entry.id} />
            <input type="hidden" name="back" value={identityEditorPath(kind, String(entry.id))} />
            <label htmlFor="merge-into">Slug or address of the entry to keep</label> <input id="merge-into" name="intoSlug" required />{" "}
            <button type="submit">Merge {entry.name} into it</button>
          </form>
          <h2>Split</h2>
          {entry.aliases.length < 2 ? (
            <p className="muted">Only one label; nothing to split.</p>
          ) : (
            <form action={splitIdentityAction}>
              {hidden}
              <fieldset>
                <legend>Labels that belong to someone else</legend>
                {entry.aliases.map((a) => (
                  <p key={`${a.matchKey}-${a.label}`}>
                    <label>
                      <input type="checkbox" name="labels" value={a.label} /> {a.label}
                    </label>
                  </p>
                ))}
              </fieldset>
              <label htmlFor="split-name">Name of the new entry (optional)</label> <input id="split-name" name="name" maxLength={200} /> <button type="submit">Split off</button>
            </form>
          )}
        </>
      )}
    </>
  );
}
