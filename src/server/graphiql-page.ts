// The offline GraphiQL page at /graphiql: every script inlined (about 9 MB), opening on a query that
// shows real data at once, from the embedded sandbox or from CallFire.
import { gzipSync } from "node:zlib";
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

/** Rendered and gzipped once: 9 MB of HTML become about 2 MB on the wire. */
async function renderPage(): Promise<{ html: string; gzipped: Buffer }> {
  // Imported here, not at the top: the module holds the inlined scripts (about 35 MB of heap), and
  // most deployments never open the page.
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  const html = renderGraphiQL({
    endpoint: "/graphql",
    title: "callfire-graph GraphiQL",
    defaultQuery: FIRST_QUERY,
  });
  return { html, gzipped: gzipSync(html) };
}

/** Serves the page, rendered on first use; nothing is done at start-up. */
export function graphiqlHandler(): RequestHandler {
  let rendering: Promise<{ html: string; gzipped: Buffer }> | undefined;
  return async (req, res) => {
    // A failed render is tried again on the next visit.
    rendering ??= renderPage().catch((error: unknown) => {
      rendering = undefined;
      throw error;
    });
    const page = await rendering;
    res.type("html").vary("accept-encoding");
    if (req.acceptsEncodings("gzip")) res.set("content-encoding", "gzip").send(page.gzipped);
    else res.send(page.html);
  };
}
