// Message templates and the 160-character rule (docs/callfire-api.md §Recipients and validation,
// §Message length).
import type { BigMessageStrategy } from "./callfire.types.js";

export const SMS_LENGTH = 160;
/** Characters per part once a long SMS is split (the rest carries the concatenation header). */
const MULTIPART_LENGTH = 153;
const MMS_CREDITS = 3;

/** Replaces `${key}` with the attribute's value; placeholders without a matching attribute stay as they are. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([^}]+)\}/g, (placeholder, key: string) => values[key.trim()] ?? placeholder);
}

/** The message a text is created with: TRIM cuts it at creation, the other strategies act on delivery. */
export function messageToSend(message: string, strategy: BigMessageStrategy): string {
  return strategy === "TRIM" ? message.slice(0, SMS_LENGTH) : message;
}

export type DeliveryPlan = { send: false } | { send: true; credits: number };

/** Whether a message can go out under the strategy, and what it costs in credits when it is delivered. */
export function planDelivery(message: string, strategy: BigMessageStrategy): DeliveryPlan {
  if (message.length <= SMS_LENGTH) return { send: true, credits: 1 };
  switch (strategy) {
    case "DO_NOT_SEND":
      return { send: false };
    case "MMS":
      return { send: true, credits: MMS_CREDITS };
    case "TRIM":
      return { send: true, credits: 1 };
    case "SEND_MULTIPLE":
      return { send: true, credits: Math.ceil(message.length / MULTIPART_LENGTH) };
  }
}
