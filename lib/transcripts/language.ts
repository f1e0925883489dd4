/** "zh" when CJK dominates. A Chinese character carries roughly a word, so it is weighed against words, not letters. */
export function detectLanguage(text: string): string {
  // A counting loop: matching every letter with a global regex allocates one string per
  // letter and dominated the parse time of long transcripts.
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
  }
  const latinWords = latin / 5;
  if (cjk === 0 && latinWords === 0) return "und";
  return cjk > latinWords ? "zh" : "en";
}
