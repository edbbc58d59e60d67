// One log line per GraphQL operation: name, type, duration and the error codes it ended with.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context.js";

export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          contextValue.log.info("graphql request", {
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round(performance.now() - started),
            errorCodes: errors?.map((error) => error.extensions?.code ?? "UNKNOWN") ?? [],
          });
        },
      };
    },
  };
}
