// Child process: the floor for this stack as it is commonly used. Apollo Server 5 behind express with
// @as-integrations/express5, one plain resolver for `text(id)` that GETs /texts?id=… with got (keep-alive
// agent, JSON): no DataLoader, no plugins, no validation, no logging, none of our code.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import got from "got";
import { serveUntilStopped } from "./child-lifecycle.js";
import { STAND_IN_LOGIN, STAND_IN_PASSWORD, UPSTREAM_VARIABLE } from "./stand-in.js";

const typeDefs = `
  type Text { id: ID! toNumber: String state: String finalTextResult: String message: String }
  type Query { text(id: ID!): Text }
`;

const callfire = got.extend({
  prefixUrl: `${process.env[UPSTREAM_VARIABLE] ?? ""}/v2`,
  agent: { http: new http.Agent({ keepAlive: true, maxSockets: 32 }) },
  headers: {
    accept: "application/json",
    authorization: `Basic ${Buffer.from(`${STAND_IN_LOGIN}:${STAND_IN_PASSWORD}`).toString("base64")}`,
  },
  responseType: "json",
});

const resolvers = {
  Query: {
    text: async (_: unknown, { id }: { id: string }) => {
      const page = await callfire
        .get("texts", { searchParams: { id, limit: 1 } })
        .json<{ items?: unknown[] }>();
      return page.items?.[0] ?? null;
    },
  },
};

const app = express();
const httpServer = http.createServer(app);
const apollo = new ApolloServer({ typeDefs, resolvers });
await apollo.start();
app.use("/graphql", express.json(), expressMiddleware(apollo));
httpServer.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
const { port } = httpServer.address() as AddressInfo;
serveUntilStopped({ url: `http://127.0.0.1:${port}/graphql` }, async () => {
  await apollo.stop();
  httpServer.closeAllConnections();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});
