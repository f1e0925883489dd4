"use server";

import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { requireRole } from "@/lib/auth/guard";
import { refreshPublicPages } from "../../form-actions";
import { ConferenceExistsError } from "@/lib/archive/publish";
import { ReimportConflictError } from "@/lib/archive/reimport";
import { DraftNotReadyError } from "@/lib/drafts/conference";
import { describeEdit, draftEditFromForm, draftFormTargetSchema } from "@/lib/drafts/form";
import type { DraftEditInput } from "@/lib/drafts/edits";
import { DraftEditError } from "@/lib/drafts/operations";
import { DraftConflictError, DraftNotFoundError, DraftPublishedError, editImportDraft, loadImportDraft, publishImportDraft, ReimportConfirmationNeeded } from "@/lib/drafts/store";

// Review-page actions answer with a redirect back to the page (plain forms work without
// JavaScript); the message travels in the query string and is rendered as text only.

function back(draftId: number, params: Record<string, string>, anchor?: string): never {
  // The refused change may carry a turn's text; keep enough of it to be redone, within URL limits.
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, v.slice(0, k === "attempted" ? 4000 : 400)]));
  redirect(`/editor/imports/${draftId}?${query}${anchor ? `#${anchor}` : ""}`);
}

function explain(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join("; ");
  if (
    error instanceof DraftEditError ||
    error instanceof DraftConflictError ||
    error instanceof DraftPublishedError ||
    error instanceof DraftNotFoundError ||
    error instanceof DraftNotReadyError ||
    error instanceof ReimportConflictError ||
    error instanceof ConferenceExistsError
  ) {
    return error.message;
  }
  throw error;
}

export async function editDraftAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const target = draftFormTargetSchema.parse({ draftId: form.get("draftId"), version: form.get("version") });
  const anchor = String(form.get("anchor") ?? "").replace(/[^a-z0-9-]/gi, "") || undefined;
  let outcome: Record<string, string>;
  let edit: DraftEditInput | undefined;
  try {
    const stored = await loadImportDraft(target.draftId);
    edit = draftEditFromForm(form, stored.draft);
    const { version } = await editImportDraft(user, target.draftId, target.version, edit);
    outcome = { saved: String(version) };
  } catch (error) {
    outcome = error instanceof DraftConflictError ? { conflict: "1", ...(edit ? { attempted: describeEdit(edit) } : {}) } : { error: explain(error) };
    // Land on the message, with a link back to the turn the editor was working on.
    back(target.draftId, { ...outcome, ...(anchor ? { from: anchor } : {}) }, "messages");
  }
  back(target.draftId, outcome, anchor);
}

const publishFormSchema = draftFormTargetSchema.extend({
  confirmedConferenceVersion: z.coerce.number().int().positive().optional(),
});

export async function publishDraftAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const target = publishFormSchema.parse({
    draftId: form.get("draftId"),
    version: form.get("version"),
    confirmedConferenceVersion: form.get("confirmedConferenceVersion") || undefined,
  });
  let slug: string;
  try {
    ({ slug } = await publishImportDraft(user, target.draftId, target.version, { confirmedConferenceVersion: target.confirmedConferenceVersion }));
  } catch (error) {
    if (error instanceof ReimportConfirmationNeeded) back(target.draftId, { confirm: "1" }, "publish");
    if (error instanceof DraftConflictError) back(target.draftId, { conflict: "1" }, "messages");
    back(target.draftId, { error: explain(error) }, "messages");
  }
  // A new conference may have been visited (and its 404 cached) before; a re-import changes
  // existing pages.
  refreshPublicPages();
  redirect(`/conferences/${slug}`);
}
