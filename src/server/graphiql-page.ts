// The offline GraphiQL page at /graphiql: every script inlined (about 9 MB), opening on a query that
// shows real data at once, from the embedded sandbox or from CallFire.
import { gzipSync } from "node:zlib";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { RequestHandler } from "express";

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

/**
 * Serves the page, rendered and gzipped once on first use (9 MB of HTML become about 2 MB on the wire;
 * most deployments never open it, so nothing is done at start-up).
 */
export function graphiqlHandler(): RequestHandler {
  let page: { html: string; gzipped: Buffer } | undefined;
  return (req, res) => {
    if (!page) {
      const html = renderGraphiQL({
        endpoint: "/graphql",
        title: "callfire-graph GraphiQL",
        defaultQuery: FIRST_QUERY,
      });
      page = { html, gzipped: gzipSync(html) };
    }
    res.type("html").vary("accept-encoding");
    if (req.acceptsEncodings("gzip")) res.set("content-encoding", "gzip").send(page.gzipped);
    else res.send(page.html);
  };
}
