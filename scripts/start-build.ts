// `npm start` rebuilds the web app only when something that goes into the build changed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export async function buildFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.name.endsWith(".test.ts")) {
        const info = await stat(full);
        hash.update(`${path.relative(root, full)}:${info.size}:${info.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, dir))) await walk(path.join(root, dir));
  for (const file of ["next.config.js", "package-lock.json", "proxy.ts", "instrumentation.ts", "tsconfig.json"]) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

export async function buildIfChanged(root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const fingerprintFile = path.join(root, ".next", "pressroom-fingerprint");
  const fingerprint = await buildFingerprint(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint) return;
  log("building the web app (first run or sources changed)…");
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [next, "build"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
  writeFileSync(fingerprintFile, fingerprint);
}
