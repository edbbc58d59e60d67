// Data the benchmarks need on top of the sandbox seed, made through the sandbox's REST API (so none of
// it is counted as graph traffic): a full dashboard page, and texts to look up by id.
import type { SandboxCall } from "./sandbox-client.js";

/** The seed shows 4 broadcasts (one more is archived); 6 more fill the dashboard's page of 10. */
export const EXTRA_BROADCASTS = 6;
const BATCHES_PER_BROADCAST = 2;
const RECIPIENTS_PER_BATCH = 4;

/** Adds finished broadcasts, each with validated batches whose texts carry a batchId. */
export async function fillDashboardPage(call: SandboxCall): Promise<void> {
  for (let b = 0; b < EXTRA_BROADCASTS; b += 1) {
    const { id } = await call<{ id: number }>("POST", "/v2/texts/broadcasts", {
      name: `Bench broadcast ${b + 1}`,
      message: `Bench message ${b + 1}: thanks for being a customer.`,
      labels: ["bench"],
    });
    for (let k = 0; k < BATCHES_PER_BROADCAST; k += 1) {
      const recipients = Array.from({ length: RECIPIENTS_PER_BATCH }, (_, r) => ({
        // Unique per recipient, and never a magic ending (0001–0004): every text is SENT.
        phoneNumber: `16465552${b}${k}${r}`,
      }));
      await call("POST", `/v2/texts/broadcasts/${id}/batches`, {
        name: `Batch ${b + 1}.${k + 1}`,
        recipients,
      });
    }
    await call("POST", `/v2/texts/broadcasts/${id}/start`);
  }
  // The bench sandboxes run without the delivery timer (stable data); a text is delivered two ticks
  // after it can go out.
  await call("POST", "/sandbox/tick?count=2");
}

/** Sends `count` individual texts (POST /texts takes up to 1000) and returns their ids. */
export async function sendTexts(call: SandboxCall, count: number): Promise<string[]> {
  const recipients = Array.from({ length: count }, (_, i) => ({
    phoneNumber: `1213556${1000 + i}`,
  }));
  const sent = await call<{ items: { id: number }[] }>(
    "POST",
    "/v2/texts?defaultMessage=Bench%20text",
    recipients,
  );
  return sent.items.map((text) => String(text.id));
}
