import { z } from "zod";
import { CorpusImportError, formatImportSummary, importCorpusFiles } from "@/lib/corpus/import";
import { stderrProgress } from "@/lib/corpus/progress";
import { servicesOrExit } from "@/lib/dev-services/cli-services";

// `npm run import -- corpus <file.jsonl|file.jsonl.gz> [more files] [--no-index] [--limit N] [--batch-size N] [--sync] [--dry-run]`
// --sync: the files are the whole corpus; records no longer in them are withdrawn (unpublished
// with a public note). --dry-run: report what an import (with --sync: a sync) would change.

const usage = "usage: npm run import -- corpus <file.jsonl|file.jsonl.gz> [more files] [--no-index] [--limit N] [--batch-size N] [--sync] [--dry-run]";

const optionsSchema = z.object({
  files: z.array(z.string().min(1)).min(1, "name at least one .jsonl or .jsonl.gz file"),
  index: z.boolean(),
  sync: z.boolean(),
  dryRun: z.boolean(),
  limit: z.coerce.number().int().positive("--limit must be a positive whole number").optional(),
  batchSize: z.coerce.number().int().min(1).max(20_000, "--batch-size must be between 1 and 20000").optional(),
});

function parseArgs(args: string[]) {
  const files: string[] = [];
  const raw: Record<string, unknown> = { index: true, sync: false, dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--no-index") raw.index = false;
    else if (arg === "--sync") raw.sync = true;
    else if (arg === "--dry-run") raw.dryRun = true;
    else if (arg === "--limit" || arg === "--batch-size") raw[arg === "--limit" ? "limit" : "batchSize"] = args[++i];
    else if (arg.startsWith("--")) throw new CorpusImportError(`unknown option ${arg}\n${usage}`);
    else files.push(arg);
  }
  const parsed = optionsSchema.safeParse({ ...raw, files });
  if (!parsed.success) throw new CorpusImportError(`${parsed.error.issues[0].message}\n${usage}`);
  if (parsed.data.sync && parsed.data.limit !== undefined) throw new CorpusImportError(`--sync needs whole files; drop --limit\n${usage}`);
  return parsed.data;
}

export async function runCorpusImport(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  // Every service this import writes to answers before the first row is written.
  await servicesOrExit(options.index ? ["database", "search"] : ["database"], "import corpus");
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nStopping after the batch being written (Ctrl-C again to quit now)…\n");
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    const { formatSyncPlan, planCorpusSync, withdrawVanished } = await import("@/lib/corpus/sync");
    // Planned before writing: afterwards nothing in the files looks new or changed any more.
    const plan = options.sync || options.dryRun ? await planCorpusSync(options.files) : null;
    if (plan && options.dryRun) {
      console.log(`Dry run: nothing was written. ${options.sync ? "A sync" : "An import"} would change:\n${formatSyncPlan(options.sync ? plan : withoutVanished(plan))}`);
      return 0;
    }
    const summary = await importCorpusFiles(options.files, {
      limit: options.limit,
      batchSize: options.batchSize,
      signal: controller.signal,
      progress: stderrProgress(),
      // Each batch is sent to Meilisearch as soon as it commits, so indexing runs alongside.
      index: options.index,
    });
    console.log(formatImportSummary(summary));
    if (summary.interrupted) return 130;
    if (plan) {
      const withdrawn = await withdrawVanished(plan);
      console.log(`Sync: ${withdrawn} pairs whose records vanished from the files were withdrawn (unpublished with a public note).\n${formatSyncPlan(plan)}`);
    }
    if (!options.index) {
      console.log("Indexing skipped (--no-index): the pairs are queued in SearchOutbox for the search worker or `npm run search:reindex`.");
    }
    return 0;
  } catch (error) {
    // Batches already committed stay: the same command resumes where this one stopped.
    const detail = process.env.PRESSROOM_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message;
    console.error(error instanceof CorpusImportError ? detail : `Corpus import failed: ${detail}\nRun the same command again to resume once the cause is fixed.`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** A plain import never withdraws anything: its dry run does not list vanished records. */
function withoutVanished(plan: import("@/lib/corpus/sync").CorpusSyncPlan): import("@/lib/corpus/sync").CorpusSyncPlan {
  return { ...plan, families: plan.families.map((f) => ({ ...f, vanished: [] })) };
}
