// Tokens the embeddings are learned over and queries are embedded with: lower-cased letter
// runs for alphabetic scripts, Chinese (Han) runs as overlapping character bigrams (a lone
// Han character stays a unigram), so a Chinese query needs no word segmenter.

const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const HAN = /^\p{Script=Han}/u;

export function embeddingTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const run = match[0];
    if (HAN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    } else {
      // "minister's" and "minister" should be one word; digits alone carry no meaning here.
      const word = run.replace(/['’]s?$/u, "");
      if (word.length > 1 && !/^\d+$/.test(word)) tokens.push(word);
    }
  }
  return tokens;
}
