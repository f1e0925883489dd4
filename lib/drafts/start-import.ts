import { z, ZodError } from "zod";
import { TranscriptInputError } from "@/lib/transcripts/input-error";
import { MAX_TRANSCRIPT_BYTES, overLimitMessage } from "@/lib/transcripts/limits";
import { createImportDraft, type Actor, type ImportSource } from "./store";

// The new-import form arrives two ways with the same fields: as a server action when the
// browser runs JavaScript, and as a plain multipart POST to /editor/imports/upload when it does
// not (Next's native server-action form post loses the file). Both validate here, identically.

const startFormSchema = z.object({
  text: z.string().max(MAX_TRANSCRIPT_BYTES, "The pasted text is over the 5 MB limit").default(""),
  file: z.instanceof(File).nullable(),
});

export type StartImportOutcome = { ok: true; id: number } | { ok: false; message: string; pastedText?: string };

/** Starts an import from an uploaded file or pasted text; bad input answers with a message and writes nothing. */
export async function startImportFromForm(user: Actor, form: FormData): Promise<StartImportOutcome> {
  const rawText = form.get("text");
  const pastedText = typeof rawText === "string" && rawText.length <= 200_000 ? rawText : undefined;
  try {
    const fileValue = form.get("file");
    const chosen = fileValue instanceof File ? fileValue : null;
    const parsed = startFormSchema.parse({
      text: typeof rawText === "string" ? rawText : "",
      // An untouched file input still posts an empty File (named "" or "blob"), so only
      // content counts as a chosen file.
      file: chosen && chosen.size > 0 ? chosen : null,
    });
    // React's server-action encoding names an untouched file input "undefined" (a whitespace-only
    // paste then got `"undefined" is empty` instead of the pasted-text message).
    if (!parsed.file && chosen?.name && chosen.name !== "blob" && chosen.name !== "undefined" && !parsed.text.trim()) {
      return { ok: false, message: `Nothing was imported: "${chosen.name}" is empty.` };
    }
    if (parsed.file && parsed.text.trim()) {
      return { ok: false, pastedText, message: "Choose a file or paste text, not both." };
    }
    let source: ImportSource;
    if (parsed.file) {
      if (parsed.file.size > MAX_TRANSCRIPT_BYTES) return { ok: false, message: overLimitMessage("file", parsed.file.size) };
      source = { kind: "file", fileName: parsed.file.name, bytes: new Uint8Array(await parsed.file.arrayBuffer()) };
    } else {
      source = { kind: "text", text: parsed.text };
    }
    const { id } = await createImportDraft(user, source);
    return { ok: true, id };
  } catch (error) {
    if (error instanceof TranscriptInputError) return { ok: false, pastedText, message: `Nothing was imported: ${error.message}.` };
    if (error instanceof ZodError) return { ok: false, pastedText, message: error.issues.map((i) => i.message).join("; ") };
    throw error;
  }
}
