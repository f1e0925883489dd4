"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { parseSettingsForm, rebuildIfRequested, saveSearchSettings, searchSettingsFormSchema } from "@/lib/search/editor-settings";

export async function saveSearchSettingsAction(formData: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  const form = searchSettingsFormSchema.safeParse({ synonyms: formData.get("synonyms") ?? "", stopWords: formData.get("stopWords") ?? "" });
  const parsed = form.success ? parseSettingsForm(form.data) : form;
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join("; ");
    redirect(`/editor/search-settings?error=${encodeURIComponent(message)}`);
  }
  await saveSearchSettings(parsed.data, user.id);
  // Start the rebuild now instead of at the worker's next poll; if Meilisearch is down it
  // fails here harmlessly and the worker retries it.
  after(() => rebuildIfRequested().catch((error) => console.error("[search] rebuild after settings save failed:", error)));
  redirect("/editor/search-settings?saved=1");
}
