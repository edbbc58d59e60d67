// The GraphQL operations the benchmarks send. The dashboard is the committed example, read from
// examples/ so the benchmark always measures what frontends are told to use.
import { readFileSync } from "node:fs";
import type { Operation } from "./graphql.js";

const dashboardDocument = readFileSync(
  new URL("../../examples/broadcast-dashboard.graphql", import.meta.url),
  "utf8",
);

export const DASHBOARD_LIMIT = 10;

export const DASHBOARD: Operation = {
  query: dashboardDocument,
  operationName: "BroadcastDashboard",
  variables: { limit: DASHBOARD_LIMIT },
};

export const TYPENAME: Operation = { query: "{ __typename }" };

export function textById(id: string): Operation {
  return {
    query: "query TextById($id: ID!) { text(id: $id) { id toNumber state finalTextResult message } }",
    operationName: "TextById",
    variables: { id },
  };
}

export function textEntities(ids: readonly string[]): Operation {
  return {
    query:
      "query TextEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Text { id toNumber state } } }",
    operationName: "TextEntities",
    variables: { representations: ids.map((id) => ({ __typename: "Text", id })) },
  };
}

/** One query with a `text(id:)` field per id, aliased t0, t1, …; repeated ids stay repeated. */
export function textAliases(ids: readonly string[]): Operation {
  const fields = ids.map((id, i) => `t${i}: text(id: "${id}") { id state }`).join(" ");
  return { query: `query TextAliases { ${fields} }`, operationName: "TextAliases" };
}

/** Broadcasts with their batches and texts, each text with its batch: the batch-priming case. */
export const BROADCAST_TREE: Operation = {
  query: `query BroadcastTree($limit: Int) {
    textBroadcasts(limit: $limit) {
      items {
        id
        batches(limit: 10) { items { id name } }
        texts(limit: 20) { items { id batch { id name } } }
      }
    }
  }`,
  operationName: "BroadcastTree",
  variables: { limit: DASHBOARD_LIMIT },
};
