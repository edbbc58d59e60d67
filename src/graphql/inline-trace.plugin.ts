// Federation inline traces (ftv1) for a router that asks for them, with error details masked. Apollo's
// own plugin is loaded on the first request that carries "apollo-federation-include-trace: ftv1" (its
// protobuf code weighs about 9 MB of memory, and most deployments are never traced), and only such
// requests reach it: it would otherwise build a trace tree for every request before reading the header.
// Serve it beside ApolloServerPluginInlineTraceDisabled(), which stops Apollo adding its own.
import type { ApolloServerPlugin } from "@apollo/server";

const TRACE_HEADER = "apollo-federation-include-trace";

export function inlineTracePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  let loading: Promise<ApolloServerPlugin<TContext>> | undefined;
  const load = async () => {
    const { ApolloServerPluginInlineTrace } = await import("@apollo/server/plugin/inlineTrace");
    return ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }) as ApolloServerPlugin<TContext>;
  };
  return {
    async requestDidStart(requestContext) {
      if (requestContext.request.http?.headers.get(TRACE_HEADER) !== "ftv1") return;
      loading ??= load();
      return (await loading).requestDidStart?.(requestContext);
    },
  };
}
