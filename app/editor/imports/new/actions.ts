"use server";

import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { requireRole } from "@/lib/auth/guard";
import { createImportDraft, type ImportSource } from "@/lib/drafts/store";
import { TranscriptInputError } from "@/lib/transcripts/input-error";
import { MAX_TRANSCRIPT_BYTES, overLimitMessage } from "@/lib/transcripts/limits";
import type { ImportStartState } from "@/components/editor/import-start-state";

const startFormSchema = z.object({
  text: z.string().max(MAX_TRANSCRIPT_BYTES, "The pasted text is over the 5 MB limit").default(""),
  file: z.instanceof(File).nullable(),
});

/** Starts an import from an uploaded file or pasted text; bad input answers with a message and writes nothing. */
export async function startImportAction(_previous: ImportStartState, form: FormData): Promise<ImportStartState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const rawText = form.get("text");
  const pastedText = typeof rawText === "string" && rawText.length <= 200_000 ? rawText : undefined;
  let id: number;
  try {
    const fileValue = form.get("file");
    const chosen = fileValue instanceof File ? fileValue : null;
    const parsed = startFormSchema.parse({
      text: typeof rawText === "string" ? rawText : "",
      // An untouched file input still posts an empty File (named "" or "blob"), so only
      // content counts as a chosen file.
      file: chosen && chosen.size > 0 ? chosen : null,
    });
    if (!parsed.file && chosen?.name && chosen.name !== "blob" && !parsed.text.trim()) {
      return { status: "error", seq, message: `Nothing was imported: "${chosen.name}" is empty.` };
    }
    if (parsed.file && parsed.text.trim()) {
      return { status: "error", seq, pastedText, message: "Choose a file or paste text, not both." };
    }
    let source: ImportSource;
    if (parsed.file) {
      if (parsed.file.size > MAX_TRANSCRIPT_BYTES) {
        return { status: "error", seq, message: overLimitMessage("file", parsed.file.size) };
      }
      source = { kind: "file", fileName: parsed.file.name, bytes: new Uint8Array(await parsed.file.arrayBuffer()) };
    } else {
      source = { kind: "text", text: parsed.text };
    }
    ({ id } = await createImportDraft(user, source));
  } catch (error) {
    if (error instanceof TranscriptInputError) return { status: "error", seq, pastedText, message: `Nothing was imported: ${error.message}.` };
    if (error instanceof ZodError) return { status: "error", seq, pastedText, message: error.issues.map((i) => i.message).join("; ") };
    throw error;
  }
  redirect(`/editor/imports/${id}`);
}
