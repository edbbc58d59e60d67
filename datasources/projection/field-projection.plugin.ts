// Partial responses: once the operation is known, and before any resolver runs, hand its projection to
// the request's FieldProjection, which its CallFireRestApi reads for every call's `fields` parameter. A
// projection is computed once per operation document: Apollo hands every request that sends the same
// query the same parsed document, the key of this plugin's cache.
import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode } from "graphql";
import type { FieldProjection } from "./field-projection.js";
import { OperationProjection } from "./operation-projection.js";
import { selectedFields } from "./selected-fields.js";

/** What the plugin needs of a request's context. */
export interface ProjectionContext {
  /** Absent when partial responses are switched off. */
  fieldProjection?: FieldProjection;
}

export function fieldProjectionPlugin(): ApolloServerPlugin<ProjectionContext> {
  // One per server; a document no longer in Apollo's document cache is dropped with it.
  const projections = new WeakMap<DocumentNode, Map<string, OperationProjection>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation || !contextValue.fieldProjection) return;
          const byOperation = projections.get(document) ?? new Map<string, OperationProjection>();
          projections.set(document, byOperation);
          const name = operation.name?.value ?? "";
          let projection = byOperation.get(name);
          if (!projection) {
            projection = new OperationProjection(selectedFields(schema, document, operation));
            byOperation.set(name, projection);
          }
          contextValue.fieldProjection.select(projection);
        },
      };
    },
  };
}
