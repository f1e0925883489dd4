import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "../support/smtp-receiver";
import { briefing, runWorkersOnce } from "./fixtures";

// Email alerts end to end on real services: Postgres, Meilisearch and an SMTP server that
// nodemailer talks to over the wire.

const BASE = "http://pressroom.test";
let services: TestServices;
let smtp: SmtpReceiver;

beforeAll(async () => {
  services = await useTestServices();
  smtp = await startSmtpReceiver();
  process.env.SMTP_URL = smtp.url;
  process.env.PRESSROOM_PUBLIC_URL = BASE;
});

afterAll(async () => {
  await smtp?.stop();
  await services?.cleanup();
});

const alertsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address) && m.subject.includes("Pressroom:") && !m.subject.includes("confirm"));

describe("email alerts", () => {
  it("sends nothing before confirmation, then each new or corrected answer exactly once", async () => {
    const { requestEmailAlert, confirmEmailAlert } = await import("@/lib/alerts/subscriptions");
    const { publishConference } = await import("@/lib/archive/publish");
    const { matchNewPairsOnce } = await import("@/lib/alerts/match");
    const { deliverDueOnce } = await import("@/lib/alerts/deliver");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { db } = await import("@/lib/db/client");

    // Published before anyone follows: never alerted.
    await publishConference(briefing("before", "dredging"));
    await runWorkersOnce();

    const address = "reporter@example.org";
    expect(await requestEmailAlert({ search: "/search?q=dredging&page=3", email: "Reporter@Example.org", frequency: "IMMEDIATE", ip: "203.0.113.5" })).toEqual({
      state: "pending_confirmation",
    });
    const confirmation = await smtp.waitFor((m) => m.subject.includes("confirm"));
    expect(confirmation.to).toEqual([address]);
    const confirmLink = linkIn(confirmation, `${BASE}/alerts/confirm/`);

    // Not confirmed yet: a matching publish sends nothing.
    await publishConference(briefing("unconfirmed", "dredging"));
    const early = await runWorkersOnce();
    expect(early.matched.events).toBe(2);
    expect(early.matched.deliveries).toBe(0);
    expect(await db().alertDelivery.count()).toBe(0);

    const token = confirmLink.slice(confirmLink.lastIndexOf("/") + 1);
    const confirmed = await confirmEmailAlert(token);
    expect(confirmed).toMatchObject({ ok: true, search: "q=dredging" });
    expect(await confirmEmailAlert(token)).toEqual({ ok: false, reason: "unknown" });

    const third = await publishConference(briefing("third", "dredging"));
    // The alerts worker waits for the search outbox: before indexing, nothing is matched.
    expect((await matchNewPairsOnce()).events).toBe(0);
    while ((await drainOutboxOnce()).processed > 0);
    const matched = await matchNewPairsOnce();
    expect(matched).toMatchObject({ events: 2, deliveries: 1 });
    const sent = await deliverDueOnce();
    expect(sent).toMatchObject({ messages: 1, pairs: 1 });

    const [alert] = alertsTo(address);
    const pairId = third.pairs[0].publicId;
    expect(alert.subject).toBe("Pressroom: 1 new answer for “dredging”");
    expect(alert.text).toContain(`${BASE}/qa/${pairId}`);
    expect(alert.text).toContain("The ministry will set out its dredging programme");
    expect(alert.text).not.toContain("festival");
    expect(alert.html).toContain("<mark>dredging</mark>");
    expect(alert.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${BASE}/alerts/unsubscribe/\\d+\\.[A-Za-z0-9_-]{32}>$`));
    expect(alert.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(linkIn(alert, `${BASE}/alerts/manage/`)).toBeTruthy();

    // A restart that forgets every processed event, and two workers at once: still one mail.
    await db().alertOutbox.updateMany({ data: { processedAt: null } });
    await Promise.all([matchNewPairsOnce(), matchNewPairsOnce()]);
    await Promise.all([deliverDueOnce(), deliverDueOnce()]);
    expect(alertsTo(address)).toHaveLength(1);

    const fourth = await publishConference(briefing("fourth", "dredging"));
    while ((await drainOutboxOnce()).processed > 0);
    await Promise.all([matchNewPairsOnce(), matchNewPairsOnce()]);
    await Promise.all([deliverDueOnce(), deliverDueOnce(), deliverDueOnce()]);
    expect(alertsTo(address)).toHaveLength(2);
    expect(alertsTo(address)[1].text).toContain(`/qa/${fourth.pairs[0].publicId}`);
    expect(await db().alertDelivery.count({ where: { outcome: "sent" } })).toBe(2);
  });

  it("sends a correction as a correction, once", async () => {
    const { editPair, loadPairForEdit } = await import("@/lib/archive/edit-pair");
    const { db } = await import("@/lib/db/client");
    const editor = await db().user.create({ data: { email: "editor@example.org", passwordHash: "x", role: "EDITOR" } });
    const sent = await db().alertDelivery.findFirstOrThrow({ where: { outcome: "sent" }, orderBy: { id: "asc" } });
    const pair = await db().qaPair.findUniqueOrThrow({ where: { id: sent.qaPairId } });
    const loaded = await loadPairForEdit(pair.publicId);
    const turns = loaded!.snapshot.turns.map((t) => ({ turnId: t.turnId, speaker: t.speaker, text: t.kind === "ANSWER" ? `${t.text} The dredging starts in March.` : t.text }));
    await editPair({ publicId: pair.publicId, version: loaded!.version, turns, topics: [], correctionNote: "Start date added." }, { userId: editor.id });
    const before = alertsTo("reporter@example.org").length;
    await runWorkersOnce();
    await runWorkersOnce();
    const mails = alertsTo("reporter@example.org");
    expect(mails).toHaveLength(before + 1);
    const correction = mails[mails.length - 1];
    expect(correction.subject).toBe("Pressroom: 1 correction for “dredging”");
    expect(correction.text).toContain("CORRECTED:");
    expect(correction.text).toContain("Correction note: Start date added.");
    expect(await db().alertDelivery.findMany({ where: { qaPairId: pair.id }, select: { version: true, change: true }, orderBy: { version: "asc" } })).toEqual([
      { version: 1, change: "NEW" },
      { version: 2, change: "CORRECTION" },
    ]);
  });

  it("unsubscribes in one click without login, after which nothing more is sent", async () => {
    const { POST } = await import("@/app/alerts/unsubscribe/[token]/route");
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const alert = alertsTo("reporter@example.org")[0];
    const url = alert.headers["list-unsubscribe"].slice(1, -1);
    const token = url.slice(url.lastIndexOf("/") + 1);
    const forged = await POST(new Request(url, { method: "POST" }), { params: Promise.resolve({ token: token.slice(0, -2) + "xx" }) });
    expect(forged.status).toBe(404);
    const answer = await POST(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
    expect(answer.status).toBe(200);
    expect((await db().alertSubscription.findFirstOrThrow({ where: { target: "reporter@example.org" } })).state).toBe("UNSUBSCRIBED");
    const before = alertsTo("reporter@example.org").length;
    await publishConference(briefing("after-unsubscribe", "dredging"));
    await runWorkersOnce();
    expect(alertsTo("reporter@example.org")).toHaveLength(before);
  });

  it("batches a daily digest into one message at the digest hour", async () => {
    const { requestEmailAlert, confirmEmailAlert } = await import("@/lib/alerts/subscriptions");
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const address = "digest@example.org";
    await requestEmailAlert({ search: "q=lighthouse", email: address, frequency: "DAILY", ip: "203.0.113.6" });
    const confirmation = await smtp.waitFor((m) => m.to.includes(address) && m.subject.includes("confirm"));
    const link = linkIn(confirmation, `${BASE}/alerts/confirm/`);
    expect((await confirmEmailAlert(link.slice(link.lastIndexOf("/") + 1))).ok).toBe(true);
    await publishConference(briefing("digest-a", "lighthouse"));
    await publishConference(briefing("digest-b", "lighthouse"));
    await runWorkersOnce();
    expect(alertsTo(address)).toHaveLength(0);
    const due = await db().alertDelivery.findMany({ where: { subscription: { target: address } } });
    expect(due).toHaveLength(2);
    expect(due.every((d) => d.dueAt.getTime() > Date.now())).toBe(true);
    // The digest hour comes.
    await db().alertDelivery.updateMany({ where: { subscription: { target: address } }, data: { dueAt: new Date(Date.now() - 1000) } });
    await runWorkersOnce();
    const mails = alertsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Pressroom: 2 new answers for “lighthouse”");
  });

  it("refuses bad input and floods with clear messages, and never reveals who follows what", async () => {
    const { requestEmailAlert, confirmEmailAlert, AlertInputError } = await import("@/lib/alerts/subscriptions");
    const { AlertLimitError, LIMITS } = await import("@/lib/alerts/limits");
    const { MailNotConfiguredError } = await import("@/lib/alerts/mail");
    const ask = (email: string, search = "q=dredging", ip = "198.51.100.1") => requestEmailAlert({ search, email, frequency: "IMMEDIATE", ip });
    await expect(ask("not-an-address")).rejects.toThrow(new AlertInputError("email is not a valid address"));
    await expect(ask("a@example.org", "year=banana")).rejects.toThrow(/search: year/);

    // The same answer for an address that already follows the search and for a new one.
    const fresh = await ask("new@example.org", "q=lighthouse", "198.51.100.2");
    const existing = await ask("digest@example.org", "q=lighthouse", "198.51.100.2");
    expect(existing).toEqual(fresh);
    const reminder = await smtp.waitFor((m) => m.to.includes("digest@example.org") && m.subject.includes("already follow"));
    expect(reminder.text).toContain("/alerts/manage/");

    // 10,000 confirmations for one address: the first few go out, then a clear refusal, bounded work.
    const victim = "victim@example.org";
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      try {
        await ask(victim, `q=topic${i}`, `192.0.2.${i}`);
      } catch (error) {
        expect(error).toBeInstanceOf(AlertLimitError);
        expect((error as Error).message).toMatch(/too many alert requests for this address/);
        refused++;
      }
    }
    expect(refused).toBe(40 - LIMITS.perTargetPerDay);
    expect(smtp.mails.filter((m) => m.to.includes(victim))).toHaveLength(LIMITS.perTargetPerDay);

    // Per requesting address too.
    let ipRefused = 0;
    for (let i = 0; i < LIMITS.perIpPerHour + 3; i++) {
      await ask(`many${i}@example.org`, "q=dredging", "198.51.100.99").catch((error) => {
        expect((error as Error).message).toMatch(/from your address/);
        ipRefused++;
      });
    }
    expect(ipRefused).toBe(3);

    // An expired confirmation link does nothing.
    const { db } = await import("@/lib/db/client");
    const mail = await smtp.waitFor((m) => m.to.includes("new@example.org"));
    const link = linkIn(mail, `${BASE}/alerts/confirm/`);
    await db().alertSubscription.updateMany({ where: { target: "new@example.org" }, data: { confirmExpiresAt: new Date(Date.now() - 1) } });
    expect(await confirmEmailAlert(link.slice(link.lastIndexOf("/") + 1))).toEqual({ ok: false, reason: "expired" });

    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await expect(ask("someone@example.org")).rejects.toBeInstanceOf(MailNotConfiguredError);
    } finally {
      process.env.SMTP_URL = saved;
    }
  });
});
