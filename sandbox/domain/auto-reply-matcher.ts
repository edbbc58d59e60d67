// Which auto-replies an inbound text triggers (docs/callfire-api.md §Auto-replies): the auto-reply's number
// must be the number texted, its keyword the first word of the text, and its `match` found in the text.
import { badRequest } from "./api-error.js";
import type { TextAutoReply } from "./callfire.types.js";

const REGEX_SYNTAX = /[.*+?^$()[\]{}|\\]/;

/**
 * Plain words match case-insensitively as whole words. A `match` written with regular-expression syntax
 * (a fixture has ".*") is used as a case-insensitive pattern.
 */
export function compileMatch(match: string | undefined): RegExp | null {
  const trimmed = match?.trim() ?? "";
  if (trimmed === "") return null;
  if (REGEX_SYNTAX.test(trimmed)) {
    try {
      return new RegExp(trimmed, "i");
    } catch (error) {
      throw badRequest(`match is not a valid pattern: ${trimmed}`, String(error));
    }
  }
  const words = trimmed.split(/\s+/).join("\\s+");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${words}($|[^\\p{L}\\p{N}])`, "iu");
}

export interface InboundMessage {
  toNumber: string;
  message: string;
}

export function autoReplyMatches(reply: TextAutoReply, inbound: InboundMessage): boolean {
  if (reply.number !== undefined && reply.number !== inbound.toNumber) return false;
  if (reply.keyword !== undefined) {
    const firstWord = inbound.message.trim().split(/\s+/)[0] ?? "";
    if (firstWord.toLowerCase() !== reply.keyword.toLowerCase()) return false;
  }
  return compileMatch(reply.match)?.test(inbound.message) ?? true;
}

/** The reply text: `${text.message}` echoes the inbound message. */
export function renderReply(template: string, inbound: InboundMessage): string {
  return template.replace(/\$\{\s*text\.message\s*\}/g, inbound.message);
}
