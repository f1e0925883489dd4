import type { TargetStatus } from "./targets";

// The read routing's current choice (read-routing.ts keeps it up to date), in a module with no
// runtime imports so that proxy.ts can read it without bundling the database client.

export interface ReadRoutingState {
  chosen?: string;
  /** True when the chosen instance is healthy and within the lag bound. */
  caughtUp: boolean;
  instances: (Partial<TargetStatus> & { name: string; host: string; healthy: boolean; misses?: number; error?: string })[];
  checkedAt: number;
}

export const globalForRouting = globalThis as unknown as { pressroomReadRouting?: { timer: NodeJS.Timeout; state: ReadRoutingState } };

/** The routing state (for /api/ready and the /search page's status); undefined without MEILI_TARGETS. */
export function readRoutingState(): ReadRoutingState | undefined {
  return globalForRouting.pressroomReadRouting?.state;
}
