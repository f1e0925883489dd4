import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestServices, type TestServices } from "../support/services";
import { databaseFingerprint, isForbidden, isLoginRedirect, publishSample, seedUsers, type SeededUsers } from "./fixtures";

// Enumerates every mutation in the app — including ones other people add later — and proves
// each refuses anonymous users and under-privileged editors without touching the database.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files;
}

type Found = { key: string; file: string; kind: "action" | "route"; name: string };

const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

async function scan(): Promise<{ found: Found[]; inline: string[] }> {
  const files = [...(await walk(path.join(repoRoot, "app"))), ...(await walk(path.join(repoRoot, "components"))), ...(await walk(path.join(repoRoot, "lib")))];
  const found: Found[] = [];
  const inline: string[] = [];
  for (const full of files) {
    const rel = path.relative(repoRoot, full).split(path.sep).join("/");
    const source = await readFile(full, "utf8");
    if (FILE_DIRECTIVE.test(source)) {
      const mod = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function") found.push({ key: `action ${rel}#${name}`, file: rel, kind: "action", name });
      }
    } else if (/["']use server["']/.test(source) && rel !== "lib/auth/permissions.ts") {
      // Inline server functions would escape this scan; keep every action in a "use server" file.
      inline.push(rel);
    }
    if (/^app\/(.+\/)?route\.tsx?$/.test(rel)) {
      const mod = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
      for (const method of MUTATING) {
        if (typeof mod[method] === "function") found.push({ key: `route ${rel}#${method}`, file: rel, kind: "route", name: method });
      }
    }
  }
  return { found, inline };
}

/** Fills [param] and [...param] segments with harmless values. */
function routeContext(file: string) {
  const params: Record<string, string | string[]> = {};
  for (const match of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[match[2]] = match[1] ? ["x"] : "abcdefgh";
  const urlPath = file
    .replace(/^app/, "")
    .replace(/\/route\.tsx?$/, "")
    .replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, rest) => (rest ? "x" : "abcdefgh"))
    .replace(/\/\([^)]+\)/g, "");
  return { params: Promise.resolve(params), url: `http://localhost:3000${urlPath || "/"}` };
}

let services: TestServices;
let users: SeededUsers;

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
  await publishSample();
});
afterAll(async () => services?.cleanup());

describe("every mutation is registered and guarded", () => {
  it("the registry in lib/auth/permissions.ts matches the scan of the code", async () => {
    const { MUTATIONS } = await import("@/lib/auth/permissions");
    const { found, inline } = await scan();
    expect(inline, 'inline "use server" functions are not allowed; move them into an actions file').toEqual([]);
    const registered = MUTATIONS.map((m) => (m.kind === "action" ? `action ${m.file}#${m.name}` : `route ${m.file}#${m.method}`)).sort();
    const scanned = found.map((f) => f.key).sort();
    const unregistered = scanned.filter((k) => !registered.includes(k));
    const stale = registered.filter((k) => !scanned.includes(k));
    // unregistered: add it to MUTATIONS with its role (and call the guard first thing in it).
    expect({ unregistered, stale }).toEqual({ unregistered: [], stale: [] });
    // A broken registry would make the checks below vacuous.
    expect(registered.length).toBeGreaterThan(5);
  });

  it("anonymous users, disabled users and editors on admin actions are refused, and nothing changes", async () => {
    const { MUTATIONS } = await import("@/lib/auth/permissions");
    const { runWithSession } = await import("@/lib/auth/session");
    const before = await databaseFingerprint(services.databaseUrl);
    const failures: string[] = [];
    let checks = 0;

    for (const entry of MUTATIONS) {
      const mod = (await import(/* @vite-ignore */ path.join(repoRoot, entry.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      if (entry.kind === "action" && entry.role === "PUBLIC") {
        // Public actions carry their own credential (a token in the form); junk input must
        // change nothing, which the fingerprint comparison below checks.
        const form = new FormData();
        form.set("token", "not-a-real-token");
        checks++;
        await runWithSession(null, () => mod[entry.name](form, form)).catch(() => null);
      } else if (entry.kind === "action") {
        const action = mod[entry.name];
        const callAs = async (claims: Parameters<typeof runWithSession>[0]) => {
          const form = new FormData();
          form.set("userId", String(users.admin.id));
          form.set("publicId", "abcdefgh");
          try {
            await runWithSession(claims, () => action(form, form));
            return null;
          } catch (error) {
            return error;
          }
        };
        checks++;
        if (!isLoginRedirect(await callAs(null))) failures.push(`${entry.file}#${entry.name}: anonymous call was not redirected to /login`);
        checks++;
        if (!isLoginRedirect(await callAs(users.disabled))) failures.push(`${entry.file}#${entry.name}: disabled user was not redirected to /login`);
        if (entry.role === "ADMIN") {
          checks++;
          if (!isForbidden(await callAs(users.editor))) failures.push(`${entry.file}#${entry.name}: EDITOR was not refused with 403`);
        }
      } else if (entry.role !== "PUBLIC") {
        const handler = mod[entry.method];
        const { params, url } = routeContext(entry.file);
        const call = async (claims: Parameters<typeof runWithSession>[0], headers: Record<string, string> = {}) => {
          const request = new NextRequest(url, { method: entry.method, body: "{}", headers: { "content-type": "application/json", ...headers } });
          const response = (await runWithSession(claims, () => handler(request, { params }))) as Response;
          return { status: response.status, location: response.headers.get("location") ?? "" };
        };
        checks++;
        const anonymous = await call(null);
        if (entry.browserForm) {
          if (anonymous.status !== 303 || !new URL(anonymous.location, url).pathname.startsWith("/login"))
            failures.push(`${entry.file} ${entry.method}: anonymous got ${anonymous.status} ${anonymous.location}, expected 303 to /login`);
        } else if (anonymous.status !== 401) failures.push(`${entry.file} ${entry.method}: anonymous got ${anonymous.status}, expected 401`);
        checks++;
        const crossSite = (await call(users.admin, { origin: "https://evil.example" })).status;
        if (crossSite !== 403) failures.push(`${entry.file} ${entry.method}: cross-origin request got ${crossSite}, expected 403`);
        if (entry.role === "ADMIN") {
          checks++;
          const editor = (await call(users.editor)).status;
          if (editor !== 403) failures.push(`${entry.file} ${entry.method}: EDITOR got ${editor}, expected 403`);
        }
      }
    }

    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(10);
    expect(await databaseFingerprint(services.databaseUrl)).toEqual(before);
  });

  it("the fingerprint notices a change, so the check above can fail", async () => {
    const before = await databaseFingerprint(services.databaseUrl);
    const { db } = await import("@/lib/db/client");
    await db().qaPair.updateMany({ where: { ordinal: 1 }, data: { flags: ["touched"] } });
    expect(await databaseFingerprint(services.databaseUrl)).not.toEqual(before);
  });
});
