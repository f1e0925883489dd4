// The one error every input check throws; its message is shown to the editor as is.

export type TranscriptInputErrorCode = "empty" | "too_large" | "too_complex" | "too_slow" | "binary" | "undecodable" | "unsupported_format" | "no_speakers";

export class TranscriptInputError extends Error {
  readonly code: TranscriptInputErrorCode;
  constructor(code: TranscriptInputErrorCode, message: string) {
    super(message);
    this.name = "TranscriptInputError";
    this.code = code;
  }
}
