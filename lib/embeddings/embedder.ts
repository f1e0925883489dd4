import { embedText, type LoadedModel } from "./embed";

// What search and indexing need from a model, whichever PRESSROOM_EMBEDDING_MODEL chose: a
// fixed number of dimensions and unit vectors for a batch of texts. null for a text the model
// has nothing to say about (none of its words known, or a script it was not trained on): that
// document opts out of the vector index and that query gets no semantic list.

export interface Embedder {
  /** What was loaded, for messages, /api/health and the editors' search settings page. */
  description: string;
  /** Identity of the weights (a hash of the model's files): stored vectors are kept per model id. */
  id: string;
  dims: number;
  /**
   * The fewest free words a query needs before this model's semantic list helps rather than
   * pushes keyword and name queries down (chosen per model on the tune half); unset: the
   * search's default (lib/search/semantic.ts).
   */
  minQueryWords?: number;
  /** Weight of this model's semantic rank against the keyword rank (tune half, per model); unset: the search's default. */
  fusion?: number;
  embed(texts: string[]): Promise<(Float32Array | null)[]>;
  /** A centred table without its centre (lib/search/exact-semantic.ts can order candidates by the raw table's cosine). */
  uncentred?: Embedder;
}

/** The archive-trained word vectors (model-file.ts) as an Embedder. */
export function archiveEmbedder(model: LoadedModel, description: string, id: string): Embedder {
  return {
    description,
    id,
    dims: model.dims,
    embed: async (texts) => texts.map((text) => embedText(model, text)),
  };
}

/** The part of a pair's question a vector is made of: the first words (cost grows with length, meaning stays up front). */
export function questionForEmbedding(question: string, maxWords = 40): string {
  return firstWords(question, maxWords);
}

/**
 * The text a pair's vector is made of: its question's first words, and, when an answer is given,
 * the answer's first words after it (what the exchange was about is often only in the answer).
 */
export function textForEmbedding(question: string, answer = "", answerWords = 30): string {
  const start = questionForEmbedding(question);
  return answer.trim() ? `${start}\n${firstWords(answer, answerWords)}` : start;
}

function firstWords(text: string, maxWords: number): string {
  const words = text.trim().split(/\s+/);
  return words.length > maxWords ? words.slice(0, maxWords).join(" ") : text.trim();
}
