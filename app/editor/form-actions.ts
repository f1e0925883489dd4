import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { ConflictError, EditError } from "@/lib/archive/revisions";
import type { EditFormState, StatusFormState } from "@/components/editor/form-state";

// Shared by the editor's server actions, but not an actions module itself: these helpers must
// never be callable from the browser; each action calls the guard before using them.

export function formField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Messages an editor can act on; anything else is a bug and is rethrown. */
export function editErrorMessage(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join("; ");
  if (error instanceof EditError) return error.message;
  throw error;
}

/**
 * Call after every committed write that changes what the public sees. Q&A and conference pages
 * are served from the ISR cache (lib/catalog/cached-pages.ts); this expires all of them, and
 * each is re-rendered on its next visit. Expiring everything rather than a computed list of
 * paths is deliberate: one pair edit also changes its conference's transcript, its neighbours'
 * previous/next links, and (if the question changed) moves its slug, so the old URL must turn
 * into a redirect; a conference edit or status change touches every pair page of it and its
 * translation's link. Editor writes are rare next to reads, and re-rendering a visited page
 * costs one render, so precision would buy little and could miss a page.
 */
export function refreshPublicPages(): void {
  revalidatePath("/", "layout");
}

/** Runs an unpublish, delete or restore, refreshes the public pages and reports the outcome. */
export async function statusChangeResult(what: "pair" | "conference", change: () => Promise<{ status: string }>): Promise<StatusFormState> {
  const seq = Date.now();
  try {
    const result = await change();
    refreshPublicPages();
    return { status: "done", seq, message: `The ${what} is now ${result.status.toLowerCase()}.` };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "error", seq, message: `${error.message} Reload the page to see the current state.` };
    return { status: "error", seq, message: editErrorMessage(error) };
  }
}

/**
 * Runs a save of a pair or conference edit, refreshes the public pages when something changed
 * and reports the outcome; on a conflict or an error the submitted `values` go back to the form
 * so nothing typed is lost.
 */
export async function editResult<TSnapshot>(values: TSnapshot, version: string, save: () => Promise<{ changed: boolean; version: number }>): Promise<EditFormState<TSnapshot>> {
  const seq = Date.now();
  try {
    const result = await save();
    // Also refreshes the editor page that saved, which is under the same root layout.
    if (result.changed) refreshPublicPages();
    return {
      status: "saved",
      seq,
      version: result.version,
      message: result.changed ? `Saved. This is now version ${result.version}.` : "Nothing changed, so nothing was saved.",
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      return {
        status: "conflict",
        seq,
        message: error.message,
        current: error.current as TSnapshot,
        currentVersion: error.currentVersion,
        lastEdit: error.lastEdit ? { userName: error.lastEdit.userName, at: error.lastEdit.at.toISOString() } : null,
        values,
      };
    }
    return { status: "error", seq, message: editErrorMessage(error), values, version: Number(version) || undefined };
  }
}
