"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { editPair, pairEditSchema, type PairSnapshot } from "@/lib/archive/edit-pair";
import { ConflictError, EditError } from "@/lib/archive/revisions";
import { changePairStatus } from "@/lib/archive/status";
import type { PairFormState, StatusFormState } from "@/components/editor/form-state";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function submittedPair(form: FormData): { publicId: string; version: string; snapshot: PairSnapshot } {
  const ids = form.getAll("turnId").map(String);
  const kinds = form.getAll("turnKind").map(String);
  const speakers = form.getAll("speaker").map(String);
  const texts = form.getAll("text").map(String);
  return {
    publicId: field(form, "publicId"),
    version: field(form, "version"),
    snapshot: {
      outlet: field(form, "outlet").trim() || null,
      topics: field(form, "topics").split(/[,\n]/).map((t) => t.trim()).filter(Boolean),
      correctionNote: field(form, "correctionNote").trim() || null,
      turns: ids.map((id, i) => ({
        turnId: Number(id),
        kind: kinds[i] === "QUESTION" ? "QUESTION" : "ANSWER",
        speaker: (speakers[i] ?? "").trim() || null,
        text: texts[i] ?? "",
      })),
    },
  };
}

function message(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join("; ");
  if (error instanceof EditError) return error.message;
  throw error;
}

export async function savePairAction(_previous: PairFormState, form: FormData): Promise<PairFormState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const submitted = submittedPair(form);
  try {
    const input = pairEditSchema.parse({ publicId: submitted.publicId, version: submitted.version, ...submitted.snapshot });
    const result = await editPair(input, { userId: user.id, ip: await requestIp() });
    revalidatePath(`/qa/${input.publicId}`);
    revalidatePath(`/editor/qa/${input.publicId}`);
    return {
      status: "saved", seq, version: result.version,
      message: result.changed ? `Saved. This is now version ${result.version}.` : "Nothing changed, so nothing was saved.",
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      return {
        status: "conflict", seq, message: error.message,
        current: error.current as PairSnapshot, currentVersion: error.currentVersion,
        lastEdit: error.lastEdit ? { userName: error.lastEdit.userName, at: error.lastEdit.at.toISOString() } : null,
        values: submitted.snapshot,
      };
    }
    return { status: "error", seq, message: message(error), values: submitted.snapshot, version: Number(submitted.version) || undefined };
  }
}

export async function changePairStatusAction(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const publicId = field(form, "publicId");
  try {
    const result = await changePairStatus(
      publicId,
      { action: field(form, "action") as "unpublish", version: field(form, "version"), reason: field(form, "reason") },
      { userId: user.id, ip: await requestIp() },
    );
    revalidatePath(`/qa/${publicId}`);
    revalidatePath(`/editor/qa/${publicId}`);
    return { status: "done", seq, message: `The pair is now ${result.status.toLowerCase()}.` };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "error", seq, message: `${error.message} Reload the page to see the current state.` };
    return { status: "error", seq, message: message(error) };
  }
}
