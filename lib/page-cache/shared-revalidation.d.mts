// Types for the plain-JavaScript cache handler Next loads at run time (next.config.js), so
// TypeScript code (its tests) can drive it the way Next does.
declare class SharedRevalidationCache {
  constructor(ctx: unknown);
  get(key: string, ctx: unknown): Promise<unknown>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
export default SharedRevalidationCache;
