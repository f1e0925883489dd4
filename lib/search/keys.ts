// The web server searches with a key that can do nothing but search: a bug in search code can
// then leak no documents' settings, change no index, and read no other key. The admin (master)
// key stays with the outbox worker and the CLIs. The key is created once through /keys with
// the master key and found again by its fixed uid on later starts.

/** A fixed uid, so every start finds the same key instead of creating another. */
export const SEARCH_KEY_UID = "6d0c2b1e-3f8a-4c55-9b7e-7072657373a1";
const SEARCH_KEY_NAME = "pressroom-search";

interface MeiliKey {
  uid: string;
  key: string;
  actions: string[];
  indexes: string[];
}

export async function ensureSearchKey(host: string, masterKey: string): Promise<string> {
  const base = host.replace(/\/+$/, "");
  const headers = { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" };
  const existing = await fetch(`${base}/keys/${SEARCH_KEY_UID}`, { headers, signal: AbortSignal.timeout(10_000) });
  if (existing.ok) {
    const key = (await existing.json()) as MeiliKey;
    if (key.actions.length === 1 && key.actions[0] === "search") return key.key;
    throw new Error(`Meilisearch key ${SEARCH_KEY_UID} (${SEARCH_KEY_NAME}) has actions ${key.actions.join(", ")}; delete it and restart to recreate it search-only`);
  }
  if (existing.status !== 404) throw new Error(`Meilisearch refused to read its keys (${existing.status}): is MEILI_MASTER_KEY its master key?`);
  const created = await fetch(`${base}/keys`, {
    method: "POST",
    headers,
    body: JSON.stringify({ uid: SEARCH_KEY_UID, name: SEARCH_KEY_NAME, description: "Pressroom web server: search only", actions: ["search"], indexes: ["*"], expiresAt: null }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!created.ok) throw new Error(`Meilisearch refused to create the search key (${created.status}): ${await created.text()}`);
  return ((await created.json()) as MeiliKey).key;
}
