import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusLines } from "../support/corpus-lines";
import { echoChallenge, startHttpReceiver, type HttpReceiver, type ReceivedRequest } from "../support/http-receiver";
import { useTestServices, type TestServices } from "../support/services";
import { briefing, runWorkersOnce } from "./fixtures";

// Webhooks through POST /api/v1/alerts against a real HTTP receiver, and bulk imports.

const BASE = "http://pressroom.test";
let services: TestServices;
let receiver: HttpReceiver;
let dir: string;

beforeAll(async () => {
  services = await useTestServices();
  receiver = await startHttpReceiver(echoChallenge);
  process.env.PRESSROOM_PUBLIC_URL = BASE;
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-alerts-"));
});

afterAll(async () => {
  await receiver?.stop();
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function post(body: unknown, ip = "203.0.113.10") {
  const { handleAlertRequest } = await import("@/lib/alerts/api");
  const answer = await handleAlertRequest(
    new Request(`${BASE}/api/v1/alerts`, { method: "POST", headers: { "Content-Type": "application/json", "X-Forwarded-For": ip }, body: JSON.stringify(body) }),
  );
  return { status: answer.status, body: (await answer.json()) as Record<string, string> };
}

const alerts = (r: HttpReceiver, path?: string) => r.requests.filter((q) => (path === undefined || q.path === path) && (JSON.parse(q.body) as { type: string }).type === "alert");

function signed(request: ReceivedRequest, secret: string): boolean {
  return request.headers["x-pressroom-signature"] === `sha256=${createHmac("sha256", secret).update(request.body).digest("hex")}`;
}

describe("webhook alerts", () => {
  it("answers bad requests with clear messages and refuses private targets unless allowed", async () => {
    delete process.env.PRESSROOM_WEBHOOK_ALLOW_PRIVATE;
    expect(await post({ search: "q=ports" })).toMatchObject({ status: 400, body: { message: "give exactly one of email or webhook" } });
    expect(await post({ search: "q=ports", webhook: "ftp://example.org/hook" })).toMatchObject({
      status: 400,
      body: { message: "webhook must be a full http:// or https:// URL" },
    });
    expect((await post({ search: "q=ports", webhook: "https://example.org/h", frequency: "hourly" })).body.message).toMatch(/frequency must be "immediate" or "daily"/);
    expect((await post({ search: "q=ports", email: "a@example.org", secret: "0123456789abcdef" })).body.message).toMatch(/secret goes with webhook only/);
    for (const target of [`${receiver.url}/hook`, "http://localhost:9/hook", "http://10.1.2.3/hook", "http://[::1]:9/hook", "http://169.254.169.254/latest"]) {
      expect(await post({ search: "q=ports", webhook: target })).toMatchObject({ status: 400, body: { message: "webhook must not point at a loopback or private address" } });
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it("verifies with a signed challenge, then delivers signed alerts in the contract's shape", async () => {
    process.env.PRESSROOM_WEBHOOK_ALLOW_PRIVATE = "1";
    const { publishConference } = await import("@/lib/archive/publish");
    const hook = `${receiver.url}/newsroom`;
    const created = await post({ search: "q=dredging&speaker=Spokesperson+Vale", webhook: hook, frequency: "immediate" });
    expect(created.status).toBe(202);
    expect(created.body.state).toBe("active");
    const secret = created.body.secret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [verification] = receiver.requests;
    expect(JSON.parse(verification.body)).toMatchObject({ type: "verification", challenge: expect.any(String) });
    expect(signed(verification, secret)).toBe(true);

    // Asking again keeps the secret, and never shows it again.
    const again = await post({ search: "q=dredging&speaker=Spokesperson+Vale", webhook: hook });
    expect(again.body).toMatchObject({ state: "active" });
    expect(again.body.secret).toBeUndefined();

    const published = await publishConference(briefing("hook", "dredging"));
    await runWorkersOnce();
    await runWorkersOnce();
    const [delivery] = alerts(receiver, "/newsroom");
    expect(alerts(receiver, "/newsroom")).toHaveLength(1);
    expect(signed(delivery, secret)).toBe(true);
    expect(delivery.headers["x-pressroom-delivery"]).toMatch(/^\d+-\d+$/);
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({ type: "alert", search: "q=dredging&speaker=Spokesperson+Vale" });
    expect(body.pairs).toHaveLength(1);
    expect(body.pairs[0]).toMatchObject({
      id: published.pairs[0].publicId,
      url: `${BASE}/qa/${published.pairs[0].publicId}`,
      change: "new",
      version: 1,
      conference: { title: "Alerts briefing hook", date: "2026-11-30" },
      answers: [{ speaker: "Spokesperson Vale" }],
    });
    expect(body.pairs[0].question).toContain("dredging");
  });

  it("retries a failing receiver with backoff, then disables it with a notice; a hanging one times out", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const { MAX_WEBHOOK_FAILURES } = await import("@/lib/alerts/deliver");
    const failing = await startHttpReceiver(echoChallenge);
    try {
      const created = await post({ search: "q=lighthouse", webhook: `${failing.url}/down` });
      expect(created.body.state).toBe("active");
      failing.answer = () => ({ status: 500, body: "boom" });
      await publishConference(briefing("failing", "lighthouse"));
      await runWorkersOnce();
      let sub = await db().alertSubscription.findFirstOrThrow({ where: { target: `${failing.url}/down` } });
      expect(sub).toMatchObject({ state: "ACTIVE", failures: 1, lastError: "the webhook answered 500" });
      expect(sub.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 20_000);
      // Not retried before its time.
      await runWorkersOnce();
      expect(alerts(failing)).toHaveLength(1);
      for (let i = 2; i <= MAX_WEBHOOK_FAILURES; i++) {
        await db().alertSubscription.update({ where: { id: sub.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
        await runWorkersOnce();
      }
      sub = await db().alertSubscription.findUniqueOrThrow({ where: { id: sub.id } });
      expect(sub.state).toBe("DISABLED");
      expect(sub.disabledReason).toMatch(/^disabled after 6 failed deliveries in a row/);
      expect(alerts(failing)).toHaveLength(MAX_WEBHOOK_FAILURES);
      expect(failing.requests.some((r) => JSON.parse(r.body).type === "disabled")).toBe(true);
      expect(await db().auditEvent.count({ where: { action: "alert.disable", targetId: String(sub.id) } })).toBe(1);
      // Nothing lost from the log: the unsent delivery is still there, unsent.
      expect(await db().alertDelivery.count({ where: { subscriptionId: sub.id, sentAt: null } })).toBe(1);

      failing.answer = () => "hang";
      const started = Date.now();
      const hanging = await post({ search: "q=harbour", webhook: `${failing.url}/slow` });
      expect(hanging.body).toMatchObject({ state: "pending_verification", message: "the webhook could not be reached: no answer within 5 s" });
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await failing.stop();
    }
  });

  it("alerts for pairs a bulk import brings in, and nothing when an unchanged record is imported again", async () => {
    const { importCorpusFiles } = await import("@/lib/corpus/import");
    const { db } = await import("@/lib/db/client");
    const everything = await startHttpReceiver(echoChallenge);
    try {
      expect((await post({ search: "lang=en", webhook: `${everything.url}/all` }, "203.0.113.77")).body.state).toBe("active");
      const lines = await corpusLines(path.resolve(import.meta.dirname, "../../../shared/corpus/mfa_prc_press_conferences_2016_2020_en.jsonl"), 1, 30);
      const file = path.join(dir, "mfa_prc_press_conferences_2016_2020_en.jsonl");
      await writeFile(file, `${lines.join("\n")}\n`);
      const first = await importCorpusFiles([file], { index: true });
      const events = await db().alertOutbox.count();
      await runWorkersOnce();
      await runWorkersOnce();
      const delivered = alerts(everything).flatMap((r) => JSON.parse(r.body).pairs as { id: string; change: string }[]);
      expect(first.pairsInserted).toBeGreaterThan(20);
      expect(new Set(delivered.map((p) => p.id)).size).toBe(first.pairsInserted);
      expect(delivered.every((p) => p.change === "new")).toBe(true);

      const second = await importCorpusFiles([file], { index: true });
      expect(second.pairsUnchanged).toBe(first.pairsInserted);
      expect(await db().alertOutbox.count()).toBe(events);
      await runWorkersOnce();
      expect(alerts(everything).flatMap((r) => JSON.parse(r.body).pairs)).toHaveLength(delivered.length);

      // A changed record comes back as a correction.
      const record = JSON.parse(lines[0]) as { answer: string };
      record.answer = `${record.answer} (Corrected transcript.)`;
      await writeFile(file, `${[JSON.stringify(record), ...lines.slice(1)].join("\n")}\n`);
      const third = await importCorpusFiles([file], { index: true });
      expect(third.pairsUpdated).toBe(1);
      await runWorkersOnce();
      const last = alerts(everything).at(-1)!;
      expect(JSON.parse(last.body).pairs).toMatchObject([{ change: "correction", version: 2 }]);
    } finally {
      await everything.stop();
    }
  });

  it("tells the subscriber when a followed speaker was merged away, instead of silently matching nothing", async () => {
    const { staleFilters } = await import("@/lib/alerts/stale-filters");
    const { db } = await import("@/lib/db/client");
    const survivor = await db().speaker.create({ data: { name: "Wang Wenbin", slug: "wang-wenbin-alerts" } });
    await db().speaker.create({ data: { name: "WANG WENBIN", slug: "wang-wenbin-caps-alerts", mergedIntoId: survivor.id } });
    expect(await staleFilters("speaker=WANG+WENBIN&q=tariffs")).toEqual(["“WANG WENBIN” was merged into “Wang Wenbin”"]);
    expect(await staleFilters("speaker=Wang+Wenbin")).toEqual([]);
    expect(await staleFilters("speaker=Nobody+Here&topic=Nothing")).toEqual([
      "“Nobody Here” is no longer in the archive under this name",
      "topic “Nothing” is no longer in the archive",
    ]);
  });
});
