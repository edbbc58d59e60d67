// One log line and the metrics of every GraphQL operation: name, type, duration and the error codes it
// ended with.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../resolvers/context.js";
import { publicErrorCode } from "./format-error.js";
import type { Metrics } from "../core/metrics.js";

export function requestLogPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const seconds = (performance.now() - started) / 1000;
          const operationType = operation?.operation ?? "unknown";
          // The codes clients saw: formatError masks unexpected errors after this hook has them.
          const errorCodes = errors?.map((error) => publicErrorCode(error)) ?? [];
          metrics.graphqlRequests.inc({
            operation_type: operationType,
            outcome: errorCodes.length ? "error" : "ok",
          });
          metrics.graphqlDuration.observe({ operation_type: operationType }, seconds);
          for (const code of errorCodes) metrics.graphqlErrors.inc({ code });
          contextValue.log.info("graphql request", {
            operationName: operationName ?? null,
            operationType,
            durationMs: Math.round(seconds * 1000),
            errorCodes,
          });
        },
      };
    },
  };
}
