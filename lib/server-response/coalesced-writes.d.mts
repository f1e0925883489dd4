// Types for the plain-JavaScript patch next.config.js applies at server start, for its test.
export function coalesceResponseWrites(): void;
