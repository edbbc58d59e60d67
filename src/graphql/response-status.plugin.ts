// HTTP status codes as the GraphQL-over-HTTP spec asks, by the media type the client accepts.
// Apollo Server answers every request error (parse, validation, variable coercion: nothing executed)
// with 400. That is right for application/graphql-response+json, which Apollo Client 4 and urql ask
// for and read as GraphQL errors; but a client that accepts only application/json (Apollo Client 3,
// curl, fetch with no accept) treats any non-2xx as a transport failure and drops the errors, so the
// spec says 200 there. And a response that carries data is always 2xx, whatever the errors beside it.
import type { ApolloServerPlugin } from "@apollo/server";
import Negotiator from "negotiator";

const JSON_MEDIA_TYPE = "application/json; charset=utf-8";
const GRAPHQL_RESPONSE_MEDIA_TYPE = "application/graphql-response+json; charset=utf-8";

/** The media type Apollo Server answers a single result with (same preference order as Apollo's). */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) return JSON_MEDIA_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_MEDIA_TYPE, GRAPHQL_RESPONSE_MEDIA_TYPE]);
}

export function responseStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          const status = response.http.status;
          if (response.body.kind !== "single" || status === undefined || status < 400) return;
          const { data, errors } = response.body.singleResult;
          // BAD_REQUEST: not a GraphQL request at all (no query, operationName not a string…): stays 400.
          const requestError =
            data === undefined &&
            status === 400 &&
            !errors?.some((error) => error.extensions?.code === "BAD_REQUEST");
          const accepted = responseMediaType(request.http?.headers.get("accept"));
          if (data || (requestError && accepted === JSON_MEDIA_TYPE)) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
