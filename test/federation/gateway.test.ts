// The subgraph inside a real supergraph: @apollo/gateway over HTTP in front of this server and the crm
// subgraph, all on 127.0.0.1, with the CallFire calls each query costs counted at the sandbox.
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubgraph } from "../../src/graphql/schema.js";
import { basicAuth } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";
import { crmTypeDefs, ownerOf, startCrmSubgraph } from "./crm-subgraph.js";

interface Result<TData> {
  data: TData;
  errors?: unknown[];
  extensions?: Record<string, unknown>;
}

async function post<TData>(
  url: string,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
): Promise<Result<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<TData>;
}

describe("federation", () => {
  let graph: TestGraph;
  let crm: Awaited<ReturnType<typeof startCrmSubgraph>>;
  let gateway: ApolloServer;
  let gatewayUrl: string;
  let textIds: string[];

  beforeAll(async () => {
    graph = await startTestGraph();
    // 100 texts to reference by key, sent through the graph itself.
    const recipients = Array.from({ length: 100 }, (_, index) => ({
      phoneNumber: `1213555${String(index).padStart(4, "0")}`,
    }));
    const sent = await post<{ sendTexts: { id: string }[] }>(
      graph.app.url,
      'mutation ($recipients: [TextRecipientInput!]!) { sendTexts(recipients: $recipients, defaultMessage: "hi") { id } }',
      { recipients },
    );
    textIds = sent.data.sendTexts.map((text) => text.id);
    expect(textIds).toHaveLength(100);

    crm = await startCrmSubgraph({
      customers: [
        { id: "c1", name: "Ada", textIds: textIds.slice(0, 3) },
        { id: "c2", name: "Grace", textIds: textIds.slice(3, 5) },
      ],
    });
    const composed = composeServices([
      { name: "callfire", url: graph.app.url, typeDefs: parse(printSubgraphSchema(await buildSubgraph())) },
      { name: "crm", url: crm.url, typeDefs: crmTypeDefs },
    ]);
    expect(composed.errors).toBeUndefined();
    // Like a router configured to propagate the Authorization header to the subgraphs.
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl!,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set("authorization", context.authorization);
            },
          }),
      }),
    });
    ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
      listen: { port: 0, host: "127.0.0.1" },
      context: async ({ req }) => ({ authorization: req.headers.authorization }),
    }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await crm?.stop();
    await graph?.stop();
  });

  it("serves _service.sdl with the @link and the four entity keys", async () => {
    const result = await post<{ _service: { sdl: string } }>(graph.app.url, "{ _service { sdl } }");
    const sdl = result.data._service.sdl;
    expect(sdl).toContain("@link(");
    expect(sdl.match(/@key\(fields: "id"\)/g)).toHaveLength(4);
  });

  it("resolves 100 Text representations with one CallFire call", async () => {
    graph.upstream.reset();
    const representations = textIds.map((id) => ({ __typename: "Text", id }));
    const result = await post<{ _entities: { id: string }[] }>(
      graph.app.url,
      "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Text { id toNumber } } }",
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((text) => text.id)).toEqual(textIds);
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts"]);
    expect(graph.upstream.calls[0].query.getAll("id")).toHaveLength(100);
  });

  it("deduplicates broadcast and batch representations and answers null for unknown ids", async () => {
    const broadcasts = await post<{ textBroadcasts: { items: { id: string }[] } }>(
      graph.app.url,
      "{ textBroadcasts(limit: 2) { items { id } } }",
    );
    const [first, second] = broadcasts.data.textBroadcasts.items.map((item) => item.id);
    graph.upstream.reset();
    const result = await post<{ _entities: ({ id: string } | null)[] }>(
      graph.app.url,
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on TextBroadcast { id name } } }",
      {
        r: [first, second, first, second, "987654321"].map((id) => ({ __typename: "TextBroadcast", id })),
      },
    );
    expect(result.data._entities.map((entity) => entity?.id ?? null)).toEqual([
      first,
      second,
      first,
      second,
      null,
    ]);
    expect(graph.upstream.lines().sort()).toEqual(
      [
        `GET /v2/texts/broadcasts/${first}`,
        `GET /v2/texts/broadcasts/${second}`,
        "GET /v2/texts/broadcasts/987654321",
      ].sort(),
    );
  });

  it("answers a query spanning both subgraphs through the gateway, at two CallFire calls", async () => {
    graph.upstream.reset();
    const result = await post<{
      customers: { name: string; texts: { id: string; toNumber: string; message: string }[] }[];
      textBroadcasts: { items: { id: string; owner: { name: string; email: string } }[] };
    }>(
      gatewayUrl,
      `{
        customers { name texts { id toNumber message } }
        textBroadcasts(limit: 2) { items { id name owner { name email } } }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.customers[0]).toEqual({
      name: "Ada",
      texts: textIds.slice(0, 3).map((id, index) => ({
        id,
        toNumber: `1213555${String(index).padStart(4, "0")}`,
        message: "hi",
      })),
    });
    for (const broadcast of result.data.textBroadcasts.items) {
      expect(broadcast.owner).toEqual(ownerOf(broadcast.id));
    }
    // One search for the broadcasts; all five customer texts in one batched lookup.
    expect(graph.upstream.lines().sort()).toEqual(["GET /v2/texts", "GET /v2/texts/broadcasts"]);
  });

  it("uses the CallFire credentials a client sends through the gateway, one account apart from another", async () => {
    const tenant = { authorization: basicAuth("tenant-a", "tenant-a-password") };
    const created = await post<{ createTextAutoReply: { id: string } }>(
      gatewayUrl,
      'mutation { createTextAutoReply(input: { keyword: "tenant", message: "only for tenant-a" }) { id } }',
      {},
      tenant,
    );
    expect(created.errors).toBeUndefined();
    const asTenant = await post<{ textAutoReplies: { items: { id: string }[] } }>(
      gatewayUrl,
      "{ textAutoReplies { items { id } } }",
      {},
      tenant,
    );
    expect(asTenant.data.textAutoReplies.items.map((item) => item.id)).toEqual([
      created.data.createTextAutoReply.id,
    ]);
    const asServer = await post<{ textAutoReplies: { items: { id: string }[] } }>(
      gatewayUrl,
      "{ textAutoReplies { items { id } } }",
    );
    expect(asServer.data.textAutoReplies.items.map((item) => item.id)).not.toContain(
      created.data.createTextAutoReply.id,
    );
  });

  it("returns an inline ftv1 trace only when a router asks, with error details masked", async () => {
    const query = '{ textBroadcasts(limit: 1) { totalCount } startless: text(id: "not-a-number") { id } }';
    const plain = await post(graph.app.url, query);
    expect(plain.extensions?.ftv1).toBeUndefined();

    const traced = await post(graph.app.url, query, {}, { "apollo-federation-include-trace": "ftv1" });
    expect(typeof traced.extensions?.ftv1).toBe("string");
    const { Trace } = await import("@apollo/usage-reporting-protobuf");
    const trace = Trace.decode(Buffer.from(traced.extensions!.ftv1 as string, "base64"));
    const errors = JSON.stringify(Trace.toObject(trace));
    expect(errors).toContain("<masked>");
    expect(errors).not.toContain("not-a-number");
  });

  it("never puts credentials in traces or logs", async () => {
    await post(
      graph.app.url,
      "{ textBroadcasts(limit: 1) { totalCount } }",
      {},
      {
        "apollo-federation-include-trace": "ftv1",
        authorization: basicAuth(graph.sandbox.login, "wrong-password-xyzzy"),
      },
    );
    const everything = graph.logs.join("\n");
    expect(everything).not.toContain("wrong-password-xyzzy");
    expect(everything).not.toContain(graph.sandbox.password);
  });
});
