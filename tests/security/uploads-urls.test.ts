import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// Source URLs: every writer refuses anything but http(s), and a non-http(s) URL already in the
// database (written before the rule, or by hand) is not emitted by the API or the export.

let services: TestServices;
let db: typeof import("@/lib/db/client").db;
let publish: typeof import("@/lib/archive/publish");
let api: typeof import("@/lib/catalog/api");
let edits: typeof import("@/lib/archive/edit-conference");
let editor: { id: number };

const HOSTILE = ["javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="];

const input = (slug: string, sourceUrl: string | null) => ({
  metadata: { title: `Briefing ${slug}`, slug, language: "en", sourceUrl, sourceKey: `test:${slug}` },
  statements: [],
  pairs: [{ question: { speaker: "Reporter", text: "Is the port open?" }, answers: [{ speaker: "Spokesperson", role: "OFFICIAL" as const, text: "Yes, since Monday." }] }],
});

beforeAll(async () => {
  services = await useTestServices();
  ({ db } = await import("@/lib/db/client"));
  publish = await import("@/lib/archive/publish");
  api = await import("@/lib/catalog/api");
  edits = await import("@/lib/archive/edit-conference");
  editor = await db().user.create({ data: { email: "editor-urls@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true } });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("source URLs are http(s) only", () => {
  it.each(HOSTILE)("publishing refuses %s with a message and writes nothing", async (url) => {
    const before = await db().conference.count();
    await expect(publish.publishConference(input("hostile", url), { userId: editor.id })).rejects.toThrow(/Source URL must be a full http:\/\/ or https:\/\/ address/);
    expect(await db().conference.count()).toBe(before);
  });

  it("editing a conference refuses a javascript: URL and keeps the old one", async () => {
    await publish.publishConference(input("editable", "https://example.org/briefing"), { userId: editor.id });
    const { version } = await db().conference.findUniqueOrThrow({ where: { slug: "editable" }, select: { version: true } });
    await expect(edits.editConference({ slug: "editable", version, title: "Briefing editable", language: "en", sourceUrl: HOSTILE[0] }, { userId: editor.id })).rejects.toThrow(
      /Source URL must be a full http:\/\/ or https:\/\/ address/,
    );
    expect((await db().conference.findUniqueOrThrow({ where: { slug: "editable" } })).sourceUrl).toBe("https://example.org/briefing");
  });

  it("a stored javascript: URL is not emitted by the conference API, the pair API or the export", async () => {
    const published = await publish.publishConference(input("stored", "https://example.org/ok"), { userId: editor.id });
    await db().$executeRaw`UPDATE "Conference" SET "sourceUrl" = ${HOSTILE[0]} WHERE slug = 'stored'`;
    const conference = await api.conferenceJson("stored");
    expect(conference?.source.url).toBeNull();
    const pair = await api.pairJsonByPublicId(published.pairs[0]!.publicId);
    expect(pair?.conference.sourceUrl).toBeNull();
    const lines: string[] = [];
    const { exportLines } = await import("@/lib/catalog/export-lines");
    for await (const line of exportLines(null)) lines.push(line);
    expect(lines.join("")).not.toContain("javascript:");
    expect(lines.join("")).toContain("Is the port open?");
  });
});
