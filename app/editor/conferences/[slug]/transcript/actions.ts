"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { editTranscript } from "@/lib/archive/edit-transcript";
import { ConflictError } from "@/lib/archive/revisions";
import { transcriptEditFromForm } from "@/lib/archive/transcript-edits";
import { editErrorMessage, refreshPublicPages } from "../../../form-actions";

// Answers with a redirect back to the transcript editor (plain forms work without JavaScript);
// the outcome travels in the query string and is rendered as text only.
export async function editTranscriptAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const input = transcriptEditFromForm(form);
  const page = `/editor/conferences/${encodeURIComponent(input.slug)}/transcript`;
  const anchor = String(form.get("turnId") ?? form.get("pairId") ?? "").replace(/[^a-z0-9]/gi, "");
  let query: URLSearchParams;
  try {
    const result = await editTranscript(input, { userId: user.id, ip: await requestIp() });
    refreshPublicPages();
    query = new URLSearchParams({ saved: String(result.version), message: result.message });
  } catch (error) {
    const message = error instanceof ConflictError ? `${error.message} Reload the page and redo your change.` : editErrorMessage(error);
    redirect(`${page}?${new URLSearchParams({ error: message.slice(0, 400), ...(anchor ? { from: anchor } : {}) })}#messages`);
  }
  redirect(`${page}?${query}${anchor ? `#turn-${anchor}` : ""}`);
}
