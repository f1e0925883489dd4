export { parseTranscript, isSpeakerFlag, NO_SPEAKER_LABELS, oneSpeakerWarning, type ParseOptions } from "./parse";
export { accountFor, draftSpans, type AccountingProblem } from "./accounting";
export * from "./draft";
export { parseDate, findDate } from "./dates";
export { detectLanguage } from "./language";
export {
  MAX_TRANSCRIPT_BYTES,
  TranscriptInputError,
  type TranscriptInputErrorCode,
  decodeTranscriptBytes,
  extractText,
  htmlToText,
  formatOf,
  assertHasSpeakers,
  type DecodedText,
  type ExtractedText,
  type TranscriptFormat,
} from "./formats";
