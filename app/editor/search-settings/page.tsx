import { requireRoleForPage } from "@/lib/auth/guard";
import { rebuildRequestedAt, settingsToForm } from "@/lib/search/editor-settings";
import { searchModeReport } from "@/lib/embeddings/runtime";
import { loadEditorSearchSettings } from "@/lib/search/settings";
import { saveSearchSettingsAction } from "./actions";

export const metadata = { title: "Search settings" };
export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<{ saved?: string; error?: string }> };

export default async function SearchSettingsPage({ searchParams }: PageProps) {
  await requireRoleForPage("EDITOR");
  const { saved, error } = await searchParams;
  const [settings, pendingSince] = await Promise.all([loadEditorSearchSettings(), rebuildRequestedAt()]);
  const form = settingsToForm(settings);
  const { mode, model } = searchModeReport();
  return (
    <>
      <h1>Search settings</h1>
      <p role="note">
        {mode === "keyword" ? (
          <>
            <strong>Search mode: keyword only.</strong> Queries match by their words; descriptions in other words are not searched by meaning (
            <code>PRESSROOM_SEARCH_MODE=keyword</code>).
          </>
        ) : (
          <>
            <strong>Search mode: hybrid.</strong> Long queries are also ranked by meaning with the embedding model at <code>{model}</code>.
          </>
        )}
      </p>
      <p>Synonyms and stop words apply to every search. Saving rebuilds the search index in the background and swaps it in when it is ready, so search keeps working meanwhile.</p>
      {saved && !error && <p role="status">Saved. {pendingSince ? "The index is being rebuilt with the new settings." : "The index uses the new settings."}</p>}
      {error && <p role="alert">{`Not saved: ${error}`}</p>}
      {!saved && pendingSince && <p role="status">A rebuild with the settings saved at {pendingSince.slice(0, 16).replace("T", " ")} UTC is pending.</p>}
      <form action={saveSearchSettingsAction}>
        <p>
          <label htmlFor="synonyms">
            <strong>Synonyms</strong>
          </label>
          <br />
          <span id="synonyms-help" className="muted">
            One group per line, words separated by commas. Every word of a group also finds the others, e.g. <code>PRC, China, 中国</code>.
          </span>
          <br />
          <textarea id="synonyms" name="synonyms" rows={12} cols={70} defaultValue={form.synonyms} aria-describedby="synonyms-help" />
        </p>
        <p>
          <label htmlFor="stopWords">
            <strong>Stop words</strong>
          </label>
          <br />
          <span id="stop-help" className="muted">
            Words ignored in queries, separated by commas. Keep this short: a stop word can never be searched for.
          </span>
          <br />
          <textarea id="stopWords" name="stopWords" rows={4} cols={70} defaultValue={form.stopWords} aria-describedby="stop-help" />
        </p>
        <button type="submit">Save and rebuild the index</button>
      </form>
    </>
  );
}
