// Partial responses: once the operation is known, and before any resolver runs, hand what it selects to
// the request's FieldProjection, which its CallFireRestApi reads for every call's `fields` parameter.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../resolvers/context.js";
import { selectedFields } from "./selected-fields.js";

export function fieldProjectionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation || !contextValue.fieldProjection) return;
          contextValue.fieldProjection.select(selectedFields(schema, document, operation));
        },
      };
    },
  };
}
