// Deterministic delivery results: the last four digits of the recipient's number decide what the
// simulated carrier does with an outbound text. Every other number is delivered (SENT).
import type { TextResult } from "./callfire.types.js";

export interface MagicNumber {
  ending: string;
  result: TextResult;
  meaning: string;
}

export const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { ending: "0001", result: "DNT", meaning: "the recipient is on the do-not-text list" },
  { ending: "0002", result: "CARRIER_ERROR", meaning: "the carrier rejects the text (disconnected number)" },
  { ending: "0003", result: "CARRIER_TEMP_ERROR", meaning: "the carrier has a temporary failure" },
  { ending: "0004", result: "INTERNAL_ERROR", meaning: "CallFire fails internally" },
];

/** The carrier's answer for a number; `valid` is false for numbers that skipped validation. */
export function carrierResult(toNumber: string, valid: boolean): TextResult {
  if (!valid) return "CARRIER_ERROR";
  return MAGIC_NUMBERS.find((magic) => toNumber.endsWith(magic.ending))?.result ?? "SENT";
}
