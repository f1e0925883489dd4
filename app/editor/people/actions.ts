"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { findIdentityIdBySlug, identityEditorPath, runIdentityChange } from "@/lib/people/editor";
import { mergeIdentities, renameIdentity, splitIdentity } from "@/lib/people/changes";
import { editErrorMessage, formField, refreshPublicPages } from "../form-actions";

// Merge, split and rename people and outlets. Every action calls the guard first; the work is
// one transaction in lib/people/changes.ts, and the outcome comes back in the URL.

export async function mergeIdentitiesAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const kind = formField(form, "kind");
  const back = formField(form, "back") || identityEditorPath(kind);
  const outcome = await runIdentityChange(async () => {
    const fromId = formField(form, "fromId");
    const intoId = formField(form, "intoId") || String(await findIdentityIdBySlug(kind, formField(form, "intoSlug")));
    return mergeIdentities({ kind: kind as "speaker", fromId: Number(fromId), intoId: Number(intoId) }, user.id);
  }, editErrorMessage);
  finish(outcome, back, (r) => `Merged into "${r.name}". ${r.pairsQueued} pairs are being reindexed.`, kind);
}

export async function splitIdentityAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const kind = formField(form, "kind");
  const back = identityEditorPath(kind, formField(form, "id"));
  const outcome = await runIdentityChange(
    () =>
      splitIdentity({ kind: kind as "speaker", id: Number(formField(form, "id")), labels: form.getAll("labels").map(String), name: formField(form, "name") || undefined }, user.id),
    editErrorMessage,
  );
  finish(outcome, back, (r) => `Split off as "${r.name}"; ${r.pairsQueued} pairs moved.`, kind);
}

export async function renameIdentityAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const kind = formField(form, "kind");
  const back = identityEditorPath(kind, formField(form, "id"));
  const outcome = await runIdentityChange(
    () => renameIdentity({ kind: kind as "speaker", id: Number(formField(form, "id")), name: formField(form, "name"), version: formField(form, "version") || undefined }, user.id),
    editErrorMessage,
  );
  finish(outcome, back, (r) => `Renamed to "${r.name}".`, kind);
}

function finish<T extends { id: number }>(outcome: { ok: true; result: T } | { ok: false; message: string }, back: string, message: (r: T) => string, kind: string): never {
  if (!outcome.ok) redirect(`${back}${back.includes("?") ? "&" : "?"}error=${encodeURIComponent(outcome.message)}`);
  refreshPublicPages();
  redirect(`${identityEditorPath(kind, String(outcome.result.id))}?done=${encodeURIComponent(message(outcome.result))}`);
}
