// A validation rule that refuses operations nested deeper than a limit before anything runs: every
// nesting level can multiply the CallFire calls a request makes. Introspection (__schema, __type) is not
// counted, so Apollo Sandbox, GraphiQL and codegen keep working.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

/**
 * Depth of a selection set. Each named fragment's depth is computed once and remembered: walking a
 * fragment again at every spread would take exponential time on a small document whose fragments each
 * spread the next one twice.
 */
function depthOf(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  fragmentDepths: Map<string, number>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      const below = selection.selectionSet ? depthOf(selection.selectionSet, fragments, fragmentDepths) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, fragmentDepths));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !fragmentDepths.has(name)) {
        // 0 while it is being walked: a fragment cycle (reported by graphql's NoFragmentCycles) ends here.
        fragmentDepths.set(name, 0);
        fragmentDepths.set(name, depthOf(fragment.selectionSet, fragments, fragmentDepths));
      }
      deepest = Math.max(deepest, fragmentDepths.get(name) ?? 0);
    }
  }
  return deepest;
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Map());
        if (depth > maxDepth) {
          const name = operation.name ? `Operation "${operation.name.value}"` : "The operation";
          context.reportError(
            new GraphQLError(
              `${name} nests fields ${depth} levels deep; the limit is ${maxDepth}. Ask for less nesting or split it into several operations.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}
