// Lines that are page furniture rather than speech. They are recognised on
// their trimmed text, so they must be whole lines (or whole comma segments).

export type NoiseReason = "navigation" | "pagination" | "timestamp" | "end_marker" | "note_trailer";

const NAVIGATION = [
  /^(home|首页)\s*(?:[-–—>»|/›]\s*\S.{0,80})?\s*[-–—>»|/›]?\s*$/i,
  /^(home|首页)\s*[-–—>»|/›].*(press room|news|新闻|发布)/i,
  /^(skip to (main )?content|back to top|print|share|打印|关闭窗口|返回顶部)$/i,
];

// "<  1  2  3 … >", "1 2 3 Next", "上一页 1 2 下一页"
const PAGINATION = [
  /^[<‹«]?\s*(?:\d{1,3}\s+|…\s*|\.\.\.\s*){2,}\d{0,3}\s*[>›»]?\s*$/,
  /^[<‹«]\s*(?:\d{1,3}\s*)+[>›»]$/,
  /^(?:(?:prev(?:ious)?|next|first|last|上一页|下一页|首页|尾页|[<>‹›«»])\s*)+(?:\d{1,3}\s*)*(?:(?:prev(?:ious)?|next|last|上一页|下一页|尾页|[<>‹›«»])\s*)*$/i,
  /^page\s+\d+\s+(of|\/)\s+\d+$/i,
];

const TIMESTAMP = /^\(?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,5})?\)?$/;
const END_MARKER = /^(?:END|\*\s*\*\s*\*|###|-{3,}|完|（完）|\(END\))$/;
export const NOTE_TRAILER = /^NOTE\s*:/;

export function classifyNoise(trimmedLine: string): NoiseReason | null {
  const line = trimmedLine.replace(/\u00a0/g, " ").trim();
  if (!line) return null;
  if (END_MARKER.test(line)) return "end_marker";
  if (TIMESTAMP.test(line) && /\d:\d\d/.test(line) && line.length <= 24) {
    // a bare "12:50" is ambiguous; demand a meridiem or a zone
    if (/[AaPp]\.?\s?[Mm]|[A-Z]{2,5}\)?$/.test(line)) return "timestamp";
  }
  if (line.length <= 120 && NAVIGATION.some((re) => re.test(line))) return "navigation";
  if (line.length <= 200 && PAGINATION.some((re) => re.test(line)) && /\d|上一页|下一页|next|prev/i.test(line)) return "pagination";
  return null;
}
