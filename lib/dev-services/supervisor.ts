import type { ChildProcess } from "node:child_process";
import { decideRestart, DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-policy";

// Keeps `npm start`'s children running: one that dies is started again after a growing delay,
// each restart is logged, and one that keeps dying stops everything loudly instead of looping.
// Children are independent: the web server crashing never stops PostgreSQL or Meilisearch.

export interface SupervisedChild {
  name: string;
  /** The running process, if any. */
  current(): ChildProcess | undefined;
  /** Starts it again (resolves once it answers). */
  restart(): Promise<void>;
}

export class Supervisor {
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly giveUp: (name: string, reason: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  watch(child: SupervisedChild): void {
    const restarts: number[] = [];
    const attach = () => {
      const process = child.current();
      if (!process) return;
      if (process.exitCode !== null || process.signalCode !== null) return void onExit(process.exitCode, process.signalCode);
      process.once("exit", onExit);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null, failure?: string) => {
      if (this.stopping) return;
      const died = Date.now();
      const decision = decideRestart(restarts, died, this.policy);
      const how = failure ?? (signal ? `was killed (${signal})` : `exited with code ${code}`);
      if (!decision.restart) {
        this.log(`!!! ${child.name} ${how} and will not be restarted: ${decision.reason}. Stopping Pressroom.`);
        this.giveUp(child.name, decision.reason);
        return;
      }
      restarts.push(died);
      this.log(`${child.name} ${how}; restart ${decision.attempt} in ${(decision.delayMs / 1000).toFixed(1)} s`);
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        if (this.stopping) return;
        try {
          await child.restart();
          if (this.stopping) return;
          this.log(`${child.name} is back, ${((Date.now() - died) / 1000).toFixed(1)} s after it stopped`);
          attach();
        } catch (error) {
          onExit(null, null, `did not come back (${(error as Error).message})`);
        }
      }, decision.delayMs);
      this.timers.add(timer);
    };
    attach();
  }

  /** From now on exits are expected (shutdown): nothing restarts. */
  stop(): void {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
