// The offline GraphiQL page at /graphiql: every script inlined (about 9 MB), opening on a query that
// shows real data at once, from the embedded sandbox or from CallFire.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

const FIRST_QUERY = `# callfire-graph: CallFire texts as one graph.
# Press ▶ to run. With no CALLFIRE_API_URL set, the
# server runs on its embedded sandbox: no SMS is sent.
# More operations to start from: examples/ in the repo.
query Dashboard {
  textBroadcasts(limit: 5) {
    totalCount
    items {
      id
      name
      status
      stats { totalOutboundCount sentCount errorCount }
      batches { items { id name size enabled } }
      texts(limit: 3) { items { id toNumber state finalTextResult batch { name } } }
    }
  }
}
`;

export function renderGraphiqlPage(): string {
  return renderGraphiQL({
    endpoint: "/graphql",
    title: "callfire-graph GraphiQL",
    defaultQuery: FIRST_QUERY,
  });
}
