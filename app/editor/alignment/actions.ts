"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { decideConferenceSuggestion, SuggestionDecisionError } from "@/lib/alignment/suggestions";
import { formField, refreshPublicPages } from "../form-actions";

/** Accept or reject one suggested translation link; a plain form post, so it works without JavaScript. */
export async function decideSuggestionAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  let outcome: string;
  try {
    const decision = await decideConferenceSuggestion({ action: formField(form, "action"), id: formField(form, "id") }, { userId: user.id, ip: await requestIp() });
    refreshPublicPages();
    outcome = `done=${encodeURIComponent(decision.message)}`;
  } catch (error) {
    if (!(error instanceof SuggestionDecisionError)) throw error;
    outcome = `error=${encodeURIComponent(error.message)}`;
  }
  redirect(`/editor/alignment?${outcome}`);
}
