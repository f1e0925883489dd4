const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/** "zh" when CJK dominates. A Chinese character carries roughly a word, so it is weighed against words, not letters. */
export function detectLanguage(text: string): string {
  const cjk = (text.match(CJK) ?? []).length;
  const latinWords = (text.match(LATIN) ?? []).length / 5;
  if (cjk === 0 && latinWords === 0) return "und";
  return cjk > latinWords ? "zh" : "en";
}
