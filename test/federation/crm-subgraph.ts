// A second subgraph written for the tests: a tiny "crm" that adds an owner to TextBroadcast and
// references Text by key (customers and the texts they received), the way a company supergraph would.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

export const crmTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type TextBroadcast @key(fields: "id") {
    id: ID!
    "The account manager who owns the broadcast."
    owner: Owner!
  }

  type Text @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Owner {
    name: String!
    email: String!
  }

  type Customer @key(fields: "id") {
    id: ID!
    name: String!
    "Texts sent to this customer, by CallFire text id."
    texts: [Text!]!
  }

  type Query {
    customers: [Customer!]!
  }
`);

export interface CrmData {
  customers: { id: string; name: string; textIds: string[] }[];
}

export function ownerOf(broadcastId: string) {
  return { name: `Owner ${broadcastId}`, email: `owner-${broadcastId}@example.test` };
}

export function buildCrmSchema(data: CrmData) {
  return buildSubgraphSchema({
    typeDefs: crmTypeDefs,
    resolvers: {
      Query: { customers: () => data.customers },
      Customer: { texts: (customer: CrmData["customers"][number]) => customer.textIds.map((id) => ({ id })) },
      TextBroadcast: {
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        owner: (broadcast: { id: string }) => ownerOf(broadcast.id),
      },
    },
  });
}

export async function startCrmSubgraph(data: CrmData) {
  const server = new ApolloServer({ schema: buildCrmSchema(data) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}
