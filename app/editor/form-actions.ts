import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { ConflictError, EditError } from "@/lib/archive/revisions";
import type { StatusFormState } from "@/components/editor/form-state";

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

/** Runs an unpublish, delete or restore, refreshes the affected pages and reports the outcome. */
export async function statusChangeResult(
  what: "pair" | "conference",
  change: () => Promise<{ status: string }>,
  pathsToRefresh: string[],
): Promise<StatusFormState> {
  const seq = Date.now();
  try {
    const result = await change();
    for (const path of pathsToRefresh) revalidatePath(path);
    return { status: "done", seq, message: `The ${what} is now ${result.status.toLowerCase()}.` };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "error", seq, message: `${error.message} Reload the page to see the current state.` };
    return { status: "error", seq, message: editErrorMessage(error) };
  }
}
