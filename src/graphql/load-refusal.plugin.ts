// A query refused for load is refused as a whole. Under overload a request is either admitted, and then
// its CallFire calls are served, or shed (datasources/connection-queue.ts); a shed query's answer is one
// OVERLOADED error with data null and a Retry-After header, never data with holes that a client would
// show as a half-empty screen. Mutations keep their fields' answers: one that reached CallFire must say so.
import type { ApolloServerPlugin } from "@apollo/server";

export function loadRefusalPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== "query" || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const refusals = (result.errors ?? []).filter((error) => error.extensions?.code === "OVERLOADED");
          if (refusals.length === 0) return;
          const retryAfterSeconds = Math.max(
            1,
            ...refusals.map((error) => Number(error.extensions?.retryAfterSeconds) || 1),
          );
          result.data = null;
          result.errors = [
            {
              message: `The server has more CallFire calls to make than it can make in time, so this query was refused as a whole. Try again in ${retryAfterSeconds} s.`,
              extensions: { code: "OVERLOADED", retryAfterSeconds },
            },
          ];
          response.http.headers.set("retry-after", String(retryAfterSeconds));
        },
      };
    },
  };
}
