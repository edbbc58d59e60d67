// The operation walk behind partial responses: every field an operation selects, per GraphQL type,
// through named and inline fragments. Fields under @skip/@include count too (a superset is fine), and so
// does every alias of a field; __typename needs nothing from CallFire.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { SelectedFields } from "./callfire-fields.js";

export function selectedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): SelectedFields {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const selected = new Map<string, Set<string>>();
  // A fragment's fields depend only on its type condition: walking it once is enough.
  const walkedFragments = new Set<string>();

  const select = (type: GraphQLCompositeType, field: string) => {
    // A field of an interface or union is read from each of its object types.
    const objectTypes = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
    for (const objectType of objectTypes) {
      const fields = selected.get(objectType.name) ?? new Set<string>();
      fields.add(field);
      selected.set(objectType.name, fields);
    }
  };

  const walk = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        select(type, name);
        // A union has no fields of its own but __typename.
        const fieldType = isUnionType(type) ? undefined : type.getFields()[name]?.type;
        const named = fieldType && getNamedType(fieldType);
        if (selection.selectionSet && named && isCompositeType(named)) walk(selection.selectionSet, named);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, conditionType(selection.typeCondition?.name.value) ?? type);
      } else if (!walkedFragments.has(selection.name.value)) {
        walkedFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        const fragmentType = conditionType(fragment?.typeCondition.name.value);
        if (fragment && fragmentType) walk(fragment.selectionSet, fragmentType);
      }
    }
  };

  const conditionType = (name: string | undefined): GraphQLCompositeType | undefined => {
    const type = name === undefined ? undefined : schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root);
  return selected;
}
