"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { startImportFromForm } from "@/lib/drafts/start-import";
import type { ImportStartState } from "@/components/editor/import-start-state";

/** The form's JavaScript path; without JavaScript it posts to ../upload/route.ts instead. */
export async function startImportAction(_previous: ImportStartState, form: FormData): Promise<ImportStartState> {
  const user = await requireRole("EDITOR");
  const outcome = await startImportFromForm(user, form);
  if (!outcome.ok) return { status: "error", seq: Date.now(), message: outcome.message, pastedText: outcome.pastedText };
  redirect(`/editor/imports/${outcome.id}`);
}
