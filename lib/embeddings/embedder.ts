import { embedText, type LoadedModel } from "./embed";

// What search and indexing need from a model, whichever PRESSROOM_EMBEDDING_MODEL chose: a
// fixed number of dimensions and unit vectors for a batch of texts. null for a text the model
// has nothing to say about (none of its words known, or a script it was not trained on): that
// document opts out of the vector index and that query gets no semantic list.

export interface Embedder {
  /** What was loaded, for messages, /api/health and the editors' search settings page. */
  description: string;
  dims: number;
  embed(texts: string[]): Promise<(Float32Array | null)[]>;
}

/** The archive-trained word vectors (model-file.ts) as an Embedder. */
export function archiveEmbedder(model: LoadedModel, description: string): Embedder {
  return {
    description,
    dims: model.dims,
    embed: async (texts) => texts.map((text) => embedText(model, text)),
  };
}

/** The part of a pair's question a vector is made of: the first words (cost grows with length, meaning stays up front). */
export function questionForEmbedding(question: string, maxWords = 40): string {
  const words = question.trim().split(/\s+/);
  return words.length > maxWords ? words.slice(0, maxWords).join(" ") : question.trim();
}
