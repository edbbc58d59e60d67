// The GraphQL-over-HTTP audit of graphql-http (the spec's reference test suite) against the server
// over real HTTP: every MUST and every SHOULD passes.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("GraphQL-over-HTTP audit", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ env: { LOG_LEVEL: "silent" } });
  });
  afterAll(() => graph?.stop());

  it("passes every MUST and SHOULD", async () => {
    const audits = serverAudits({ url: () => graph.app.url, fetchFn: fetch });
    const failed: string[] = [];
    let checked = 0;
    for (const audit of audits) {
      if (!/^(MUST|SHOULD) /.test(audit.name)) continue;
      checked += 1;
      const result = await audit.fn();
      if (result.status !== "ok") failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
    // The suite really ran (graphql-http 1.23 has about 30 MUST/SHOULD audits).
    expect(checked).toBeGreaterThan(20);
  });
});
