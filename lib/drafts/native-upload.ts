import { guardRoute } from "@/lib/auth/guard";
import { exceedsBodyLimit } from "@/lib/auth/body-limit";
import { MAX_TRANSCRIPT_BYTES, overLimitMessage } from "@/lib/transcripts/limits";
import { startImportFromForm } from "./start-import";

/** Where the new-import page reads the message of a refused plain-form upload (one minute). */
export const IMPORT_PROBLEM_COOKIE = "pressroom-import-problem";
const NEW_IMPORT_PATH = "/editor/imports/new";
// The same cap as the server-action path (next.config.js serverActions.bodySizeLimit): one
// 5 MB transcript plus the multipart framing and the other field.
const MAX_BODY_BYTES = 6 * 1024 * 1024;

function seeOther(location: string, problem?: string): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  // A cookie, not a query parameter: a link must not be able to print made-up text on an editor page.
  if (problem) headers.append("Set-Cookie", `${IMPORT_PROBLEM_COOKIE}=${encodeURIComponent(problem)}; Path=${NEW_IMPORT_PATH}; Max-Age=60; HttpOnly; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
}

/**
 * POST /editor/imports/upload: the new-import form posted natively (multipart), with the same
 * sign-in, same-origin check, size limits and validation as the server action. Answers with a
 * redirect to the new draft, or back to the form with the reason.
 */
export async function handleNativeImportUpload(request: Request): Promise<Response> {
  const user = await guardRoute(request, "EDITOR");
  if (user instanceof Response) return user.status === 401 ? seeOther(`/login?callbackUrl=${encodeURIComponent(NEW_IMPORT_PATH)}`) : user;
  if (await exceedsBodyLimit(request, MAX_BODY_BYTES)) {
    const declared = Number(request.headers.get("content-length"));
    return seeOther(
      NEW_IMPORT_PATH,
      Number.isFinite(declared) && declared > 0
        ? overLimitMessage("file", declared)
        : `Nothing was imported: the upload is over the ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB limit.`,
    );
  }
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return seeOther(NEW_IMPORT_PATH, "Nothing was imported: the form must be sent as multipart/form-data.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return seeOther(NEW_IMPORT_PATH, "Nothing was imported: the upload could not be read; try again.");
  }
  const outcome = await startImportFromForm(user, form);
  return outcome.ok ? seeOther(`/editor/imports/${outcome.id}`) : seeOther(NEW_IMPORT_PATH, outcome.message);
}
