// Cache-Control: no-store on every GraphQL answer, as Apollo's cache-control plugin set it. That plugin
// (replaced by this one with ApolloServerPluginCacheControlDisabled) worked out a cache policy from
// every resolved field's hints, a hook around every field of every request; the schema has no cache
// hints and no resolver sets one, so the policy it found was always "not cacheable". A header Apollo
// set for its own reasons (persisted query errors) is left as it is, as that plugin left it.
import type { ApolloServerPlugin } from "@apollo/server";

export function noStorePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has("cache-control"))
            response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
