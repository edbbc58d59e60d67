// A repeated mutation with the same idempotencyKey (a double click, a client retry) never reaches
// CallFire twice: no SMS is sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendTextsDocument } from "../generated/operations.js";
import { basicAuth, errorCodes, postGraphQL } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("idempotent mutations over HTTP", () => {
  let graph: TestGraph;
  const recipients = [{ phoneNumber: "12135550601" }, { phoneNumber: "12135550602" }];

  beforeAll(async () => {
    // No delivery in between, so a replayed text reads the same as the first answer.
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  it("sends once for two concurrent and one later call with the same key, returning the same texts", async () => {
    graph.upstream.reset();
    const variables = { recipients, defaultMessage: "Your code is 1234", idempotencyKey: "order-42" };
    const [first, second] = await Promise.all([
      postGraphQL(graph.app.url, SendTextsDocument, variables),
      postGraphQL(graph.app.url, SendTextsDocument, variables),
    ]);
    const third = await postGraphQL(graph.app.url, SendTextsDocument, variables);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    expect(graph.upstream.lines().filter((line) => line === "POST /v2/texts")).toHaveLength(1);
  });

  it("replays with every field the repeat selects, even ones the first call did not ask for", async () => {
    const send = (fields: string) =>
      fetch(graph.app.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation { sendTexts(recipients: [{ phoneNumber: "12135550610" }], defaultMessage: "Wider", idempotencyKey: "wider-1") { ${fields} } }`,
        }),
      }).then((response) => response.json() as Promise<{ data: { sendTexts: Record<string, unknown>[] } }>);
    graph.upstream.reset();
    const first = await send("id");
    const repeat = await send("id toNumber message state campaignId");
    expect(repeat.data.sendTexts).toEqual([
      {
        id: first.data.sendTexts[0].id,
        toNumber: "12135550610",
        message: "Wider",
        state: "READY",
        campaignId: expect.any(String),
      },
    ]);
    expect(graph.upstream.lines()).toEqual(["POST /v2/texts", "GET /v2/texts"]);
  });

  it("refuses the same key with other arguments, and sends again with a new key", async () => {
    const reused = await postGraphQL(graph.app.url, SendTextsDocument, {
      recipients,
      defaultMessage: "A different message",
      idempotencyKey: "order-42",
    });
    expect(errorCodes(reused)).toEqual(["BAD_USER_INPUT"]);
    expect(reused.errors![0].message).toContain("use a new key");

    graph.upstream.reset();
    const fresh = await postGraphQL(graph.app.url, SendTextsDocument, {
      recipients,
      defaultMessage: "A different message",
      idempotencyKey: "order-43",
    });
    expect(fresh.errors).toBeUndefined();
    expect(graph.upstream.lines()).toEqual(["POST /v2/texts"]);
  });

  it("keeps keys apart per CallFire account", async () => {
    const other = { authorization: basicAuth("another-account", "its-own-password") };
    graph.upstream.reset();
    const result = await postGraphQL(
      graph.app.url,
      SendTextsDocument,
      { recipients, defaultMessage: "Your code is 1234", idempotencyKey: "order-42" },
      other,
    );
    expect(result.errors).toBeUndefined();
    expect(graph.upstream.lines()).toEqual(["POST /v2/texts"]);
  });
});
