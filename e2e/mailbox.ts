import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { ReceivedMail } from "../tests/support/smtp-receiver";

// The mail the harness's SMTP server received (e2e/global-setup.ts writes one JSON file per message).

export async function receivedMail(): Promise<ReceivedMail[]> {
  const dir = process.env.PRESSROOM_E2E_MAIL_DIR;
  if (!dir) throw new Error("PRESSROOM_E2E_MAIL_DIR is not set: run through playwright.config.ts");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as ReceivedMail));
}

export async function waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs = 60_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await receivedMail()).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
