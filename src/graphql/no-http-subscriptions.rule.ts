// Subscriptions are served over WebSocket (graphql-ws, same port and path); over HTTP a subscription
// operation would run its event resolvers once with no event and fail as an unexpected error. This rule
// sits only in the HTTP server's validation, so it refuses them there with a message that says where to go.
import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from "graphql";

export function noSubscriptionOverHttpRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return;
      context.reportError(
        new GraphQLError(
          "Subscriptions are served over WebSocket (the graphql-ws protocol) at this same URL; over HTTP send a query or a mutation.",
          { nodes: [operation] },
        ),
      );
    },
  };
}
