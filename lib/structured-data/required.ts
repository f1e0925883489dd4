// Required and recommended properties of the schema.org types we emit, as search engines
// document them for rich results (QAPage, Question, Answer, Event, Person). Used by tests and
// cheap enough to run in a health check.

const REQUIRED: Record<string, string[]> = {
  QAPage: ["mainEntity"],
  Question: ["name", "text", "answerCount", "author"],
  Answer: ["text", "author", "url"],
  Event: ["name", "startDate", "location"],
  Place: ["name", "address"],
  Person: ["name"],
  Organization: ["name"],
};

/** Paths of missing required properties anywhere in a JSON-LD tree ([] when valid). */
export function missingRequiredProperties(node: unknown, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => missingRequiredProperties(item, `${path}[${i}]`));
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  const problems: string[] = [];
  const type = typeof record["@type"] === "string" ? (record["@type"] as string) : null;
  for (const key of (type && REQUIRED[type]) || []) {
    const value = record[key];
    if (value === undefined || value === null || value === "") problems.push(`${path}.${key} (${type})`);
  }
  if (type === "Question" && Number(record.answerCount) > 0 && !record.acceptedAnswer && !record.suggestedAnswer) {
    problems.push(`${path}.acceptedAnswer (Question with answers)`);
  }
  for (const [key, value] of Object.entries(record)) problems.push(...missingRequiredProperties(value, `${path}.${key}`));
  return problems;
}
