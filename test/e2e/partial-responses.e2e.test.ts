// Partial responses end to end: two graphs on one sandbox (delivery paused, so its data stand still), one
// with CALLFIRE_PARTIAL_RESPONSES on (the default) and one with it off. Every operation answers the same
// data at the same calls; with it on every call names its fields, with it off none does.
import { parse, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/server/app.js";
import {
  startGraphOn,
  startSandboxBehindProxy,
  type SandboxBehindProxy,
} from "../../testing/graph-on-sandbox.js";
import type { RecordedCall } from "../../testing/recording-proxy.js";
import {
  AutoRepliesDocument,
  BatchByIdDocument,
  BroadcastDashboardDocument,
  BroadcastDetailDocument,
  FindTextsDocument,
  TextByIdDocument,
} from "../generated/operations.js";
import { postGraphQL } from "../helpers/graphql-http.js";

/** Every value object, nested, on both graphs. */
const NESTED: DocumentNode = parse(`{
  textBroadcasts(limit: 20) {
    hasMore
    items {
      id labels localTimeRestriction { enabled beginHour endHour } media { name }
      texts(limit: 20) {
        items { id attributes contact { id firstName } records { textResult finishTime } media { publicUrl } }
      }
    }
  }
}`);

let upstream: SandboxBehindProxy;
let projected: RunningApp;
let whole: RunningApp;

beforeAll(async () => {
  upstream = await startSandboxBehindProxy({ dbPath: ":memory:", deliveryIntervalMs: 0 });
  projected = await startGraphOn(upstream);
  whole = await startGraphOn(upstream, { CALLFIRE_PARTIAL_RESPONSES: "false" });
});
afterAll(async () => {
  await projected?.stop();
  await whole?.stop();
  await upstream?.stop();
});

interface Run {
  data: unknown;
  calls: RecordedCall[];
}

/** The operation on one graph: its data, and the CallFire calls it cost. */
async function run(app: RunningApp, document: DocumentNode, variables?: object): Promise<Run> {
  upstream.proxy.reset();
  const result = await postGraphQL(app.url, document, variables);
  expect(result.errors).toBeUndefined();
  return { data: result.data, calls: [...upstream.proxy.calls] };
}

/** Runs on both graphs and checks they agree, but for `fields`; returns both runs. */
async function compare(document: DocumentNode, variables?: object): Promise<{ on: Run; off: Run }> {
  const on = await run(projected, document, variables);
  const off = await run(whole, document, variables);
  expect(on.data).toEqual(off.data);
  const lines = (calls: RecordedCall[]) => calls.map((call) => `${call.method} ${call.path}`).sort();
  expect(lines(on.calls)).toEqual(lines(off.calls));
  expect(on.calls.filter((call) => !call.query.has("fields"))).toEqual([]);
  expect(off.calls.filter((call) => call.query.has("fields"))).toEqual([]);
  return { on, off };
}

const bytes = (calls: RecordedCall[]) => calls.reduce((sum, call) => sum + call.responseBytes, 0);

describe("partial responses over HTTP", () => {
  it("answers the broadcast dashboard alike, with fewer bytes from CallFire", async () => {
    const { on, off } = await compare(BroadcastDashboardDocument, { limit: 10 });
    const dashboard = on.data as { textBroadcasts: { items: Array<{ texts: { items: unknown[] } }> } };
    expect(dashboard.textBroadcasts.items.length).toBeGreaterThan(0);
    expect(dashboard.textBroadcasts.items.some((item) => item.texts.items.length > 0)).toBe(true);
    const list = on.calls.find((call) => call.path === "/v2/texts/broadcasts");
    expect(list?.query.get("fields")).toBe("items(id,name,status,lastModified),limit,offset,totalCount");
    expect(bytes(on.calls)).toBeLessThan(bytes(off.calls));
  });

  it("answers lookups, details and lists alike", async () => {
    const { on } = await compare(FindTextsDocument, { limit: 50 });
    const texts = (on.data as { texts: { items: Array<{ id: string }> } }).texts.items;
    const dashboard = await run(whole, BroadcastDashboardDocument, { limit: 10 });
    const broadcasts = (
      dashboard.data as {
        textBroadcasts: { items: Array<{ id: string; batches: { items: Array<{ id: string }> } }> };
      }
    ).textBroadcasts.items;
    const batch = broadcasts.flatMap((broadcast) => broadcast.batches.items)[0];
    expect(texts.length).toBeGreaterThan(0);
    expect(batch).toBeDefined();

    await compare(TextByIdDocument, { id: texts[0]!.id });
    await compare(BatchByIdDocument, { id: batch!.id });
    await compare(BroadcastDetailDocument, { id: broadcasts[0]!.id });
    await compare(AutoRepliesDocument, {});
  });

  it("answers nested value objects alike", async () => {
    await compare(NESTED);
  });
});
