/**
 * Where each statement stands among the pairs, as the index of the first pair that starts after
 * it (pairs.length for closing remarks). Procedural turns between exchanges ("Thank you,
 * everyone.") must stay between them when published, not move to the top as openings do.
 * Offsets come from the source; a turn an editor created or moved has none: a statement without
 * one counts as opening, a pair without one as starting where the pair before it did.
 */
export function statementPlaces(statementStarts: (number | null)[], pairStarts: (number | null)[]): number[] {
  let last = -1;
  const starts = pairStarts.map((start) => (last = start === null ? last : Math.max(last, start)));
  return statementStarts.map((offset) => {
    if (offset === null) return 0;
    let before = 0;
    while (before < starts.length && starts[before] < offset) before++;
    return before;
  });
}

/** Statements grouped by the pair they precede: entry i holds those spoken before pair i, the last entry the closing ones. */
export function statementsByPlace<T extends { beforePair?: number }>(statements: T[], pairCount: number): T[][] {
  const groups: T[][] = Array.from({ length: pairCount + 1 }, () => []);
  for (const statement of statements) groups[Math.min(statement.beforePair ?? 0, pairCount)].push(statement);
  return groups;
}
