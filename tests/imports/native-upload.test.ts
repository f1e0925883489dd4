import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// POST /editor/imports/upload: the new-import form as a browser without JavaScript sends it
// (plain multipart). Same sign-in, origin check, limits and validation as the server action;
// e2e/newcomer.spec.ts drives it from Chromium with JavaScript off.

const SEED = path.resolve(import.meta.dirname, "../../../shared/seeds/000_47fa108efec89af6.txt");
let services: TestServices;
let editor: { id: number; sessionEpoch: number };

beforeAll(async () => {
  services = await useTestServices();
  const { db } = await import("@/lib/db/client");
  editor = await db().user.create({ data: { email: "native-upload@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true, sessionEpoch: true } });
});
afterAll(async () => services?.cleanup());

function upload(form: FormData, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1:3000/editor/imports/upload", { method: "POST", body: form, headers: { origin: "http://127.0.0.1:3000", ...headers } });
}

async function post(request: Request, signedIn = true): Promise<Response> {
  const { runWithSession } = await import("@/lib/auth/session");
  const { handleNativeImportUpload } = await import("@/lib/drafts/native-upload");
  return runWithSession(signedIn ? { id: editor.id, sessionEpoch: editor.sessionEpoch, sid: "test-session" } : null, () => handleNativeImportUpload(request));
}

const problemOf = (response: Response) => decodeURIComponent(/pressroom-import-problem=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "");

describe("native (no-JavaScript) upload of a transcript", () => {
  it("creates a draft from the uploaded file and redirects to it", async () => {
    const { db } = await import("@/lib/db/client");
    const form = new FormData();
    form.append("file", new File([readFileSync(SEED)], "seed.txt", { type: "text/plain" }));
    form.append("text", "");
    const response = await post(upload(form));
    expect(response.status).toBe(303);
    const id = Number(/^\/editor\/imports\/(\d+)$/.exec(response.headers.get("location") ?? "")?.[1]);
    const draft = await db().importDraft.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ fileName: "seed.txt", createdById: editor.id });
    expect(draft.sourceText).toContain("maglev");
  });

  it("answers bad input with the action's messages, writing nothing", async () => {
    const { db } = await import("@/lib/db/client");
    const before = await db().importDraft.count();
    const empty = new FormData();
    empty.append("file", new File([], "notes.txt", { type: "text/plain" }));
    empty.append("text", "");
    const refused = await post(upload(empty));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/editor/imports/new");
    expect(problemOf(refused)).toBe('Nothing was imported: "notes.txt" is empty.');

    const both = new FormData();
    both.append("file", new File([readFileSync(SEED)], "seed.txt"));
    both.append("text", "MR. A: Hello.");
    expect(problemOf(await post(upload(both)))).toBe("Choose a file or paste text, not both.");

    const huge = new FormData();
    huge.append("file", new File([new Uint8Array(7 * 1024 * 1024).fill(65)], "huge.txt"));
    expect(problemOf(await post(upload(huge, { "content-length": String(7 * 1024 * 1024 + 200) })))).toMatch(/limit is 5 MB/);
    expect(await db().importDraft.count()).toBe(before);
  });

  it("refuses another site's form and sends a signed-out browser to sign in", async () => {
    const form = new FormData();
    form.append("file", new File([readFileSync(SEED)], "seed.txt"));
    expect((await post(upload(form, { origin: "https://evil.example" }))).status).toBe(403);
    const anonymous = await post(upload(form), false);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/login?callbackUrl=%2Feditor%2Fimports%2Fnew");
  });
});
