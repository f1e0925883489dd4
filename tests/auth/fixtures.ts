import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import type { SessionClaims } from "@/lib/auth/session";

export const PASSWORD = "correct horse battery staple";

export type SeededUsers = { admin: SessionClaims; editor: SessionClaims; disabled: SessionClaims };

/** An admin, an editor and a disabled editor, created through lib/auth like the real script does. */
export async function seedUsers(): Promise<SeededUsers> {
  const { createUser, setUserDisabled } = await import("@/lib/auth/users");
  const admin = await createUser({ email: "admin@example.org", password: PASSWORD, role: "ADMIN", name: "Ada Admin" });
  const editor = await createUser({ email: "editor@example.org", password: PASSWORD, role: "EDITOR", name: "Eddie Editor" });
  const gone = await createUser({ email: "gone@example.org", password: PASSWORD, role: "EDITOR" });
  // Claims as the cookie would hold them before the account was disabled (epoch 0).
  await setUserDisabled(gone.id, true, { userId: admin.id });
  return { admin: { id: admin.id, sessionEpoch: 0 }, editor: { id: editor.id, sessionEpoch: 0 }, disabled: { id: gone.id, sessionEpoch: 0 } };
}

export async function publishSample(title = "Briefing on river transport") {
  const { publishConference } = await import("@/lib/archive/publish");
  return publishConference({
    metadata: { title, heldOn: "2024-05-16", organizer: "Transport Office", language: "en", sourceName: "test" },
    statements: [{ speaker: "Moderator", role: "MODERATOR", text: "Good morning." }],
    pairs: [
      {
        question: { speaker: "Ann Reporter", outlet: "Daily Wire", text: "When will the bridge open?" },
        answers: [
          { speaker: "Li Official", text: "Next spring." },
          { speaker: "Hu Deputy", text: "Weather permitting." },
        ],
        topics: ["bridges"],
      },
      { question: { speaker: "Bo Reporter", outlet: "Radio East", text: "What about ferries?" }, answers: [{ speaker: "Li Official", text: "They keep running." }], topics: [] },
    ],
  });
}

/**
 * Row count and content fingerprint of every table, so a test can prove that a refused
 * request changed nothing anywhere (not just in the table it was aimed at).
 */
export async function databaseFingerprint(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const out: Record<string, string> = {};
    for (const { table_name } of tables.rows) {
      const quoted = `"${table_name.replace(/"/g, '""')}"`;
      const row = await client.query<{ n: string; h: string | null }>(`SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${quoted} t`);
      out[table_name] = `${row.rows[0].n}:${row.rows[0].h ?? ""}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** True for the error Next's redirect() throws when it points at the login page. */
export function isLoginRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") && digest.includes("/login?callbackUrl=");
}

export function isForbidden(error: unknown): boolean {
  return (error as { name?: string; status?: number })?.name === "ForbiddenError" && (error as { status?: number }).status === 403;
}

/**
 * Fresh services and the seeded users for one test file; the fields are filled in beforeAll.
 * Call at the top level of the file.
 */
export function useSeededServices(): { services: TestServices; users: SeededUsers } {
  const context = {} as { services: TestServices; users: SeededUsers };
  beforeAll(async () => {
    context.services = await useTestServices();
    context.users = await seedUsers();
  });
  afterAll(async () => context.services?.cleanup());
  return context;
}
