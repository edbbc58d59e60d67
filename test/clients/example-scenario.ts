// Every operation in examples/, run in an order that makes sense to a user (read, create, change,
// clean up), through whichever client a test plugs in. Each step checks what the client got back.
import { expect } from "vitest";
import { exampleFileName, exampleSource, httpExampleFiles } from "../helpers/examples.js";

/** Runs one example through a client: `source` is the file's text, exactly as committed. */
export type RunExample = (
  kind: "query" | "mutation",
  source: string,
  variables: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

interface Broadcast {
  id: string;
  name: string;
  status: string;
}

/** Runs all examples and returns the operation names it ran (every file in examples/, once). */
export async function runEveryExample(run: RunExample): Promise<string[]> {
  const ran: string[] = [];
  const query = async <T>(name: string, variables: Record<string, unknown>) => {
    ran.push(name);
    return (await run("query", exampleSource(name), variables)) as T;
  };
  const mutate = async <T>(name: string, variables: Record<string, unknown>) => {
    ran.push(name);
    return (await run("mutation", exampleSource(name), variables)) as T;
  };

  const dashboard = await query<{ textBroadcasts: { items: Broadcast[] } }>("BroadcastDashboard", {
    limit: 5,
  });
  const first = dashboard.textBroadcasts.items[0];
  expect(first).toBeDefined();
  const detail = await query<{ textBroadcast: Broadcast }>("BroadcastDetail", { id: first.id });
  expect(detail.textBroadcast).toMatchObject({ id: first.id, name: first.name });

  const created = await mutate<{ createTextBroadcast: Broadcast }>("CreateAndStartBroadcast", {
    input: { name: "Client check", message: "Doors open at 9", recipients: [{ phoneNumber: "12135550301" }] },
  });
  const broadcast = created.createTextBroadcast;
  expect(broadcast).toMatchObject({ name: "Client check", status: "RUNNING" });
  const batch = await mutate<{ addTextBroadcastBatch: { name: string } }>("AddBatch", {
    broadcastId: broadcast.id,
    input: { name: "Late additions", recipients: [{ phoneNumber: "12135550302" }] },
  });
  expect(batch.addTextBroadcastBatch).toMatchObject({ name: "Late additions" });
  const stopped = await mutate<{ stopTextBroadcast: Broadcast }>("StopBroadcast", { id: broadcast.id });
  expect(stopped.stopTextBroadcast.status).toBe("STOPPED");
  const started = await mutate<{ startTextBroadcast: Broadcast }>("StartBroadcast", { id: broadcast.id });
  expect(started.startTextBroadcast.status).toBe("RUNNING");
  await mutate("StopBroadcast", { id: broadcast.id });
  const archived = await mutate<{ archiveTextBroadcast: Broadcast }>("ArchiveBroadcast", {
    id: broadcast.id,
  });
  expect(archived.archiveTextBroadcast.status).toBe("ARCHIVED");

  const sent = await mutate<{ sendTexts: { id: string; toNumber: string }[] }>("SendTexts", {
    recipients: [{ phoneNumber: "12135550303" }],
    defaultMessage: "Your table is ready",
    idempotencyKey: `client-check-${Date.now()}-${Math.random()}`,
  });
  expect(sent.sendTexts).toEqual([expect.objectContaining({ toNumber: "12135550303" })]);
  const ids = sent.sendTexts.map((text) => text.id);
  const followUp = await query<{ texts: { items: { id: string }[] } }>("TextsByIds", { ids });
  expect(followUp.texts.items.map((text) => text.id)).toEqual(ids);

  const reply = await mutate<{ createTextAutoReply: { id: string } }>("CreateAutoReply", {
    input: { number: "12135550998", match: "info", message: "Open 9 to 5" },
  });
  const replyId = reply.createTextAutoReply.id;
  const replies = await query<{ textAutoReplies: { items: { id: string }[] } }>("AutoReplies", {
    number: "12135550998",
  });
  expect(replies.textAutoReplies.items.map((item) => item.id)).toEqual([replyId]);
  const deleted = await mutate<{ deleteTextAutoReply: string }>("DeleteAutoReply", { id: replyId });
  expect(deleted.deleteTextAutoReply).toBe(replyId);

  expect([...new Set(ran.map(exampleFileName))].sort()).toEqual(httpExampleFiles);
  return ran;
}
