// Builds the graph from the type-graphql classes: the plain API schema (for schema/schema.graphql and
// codegen) and the federation 2 subgraph schema that the server actually serves.
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from "type-graphql";
import { resolvers, validateArgs } from "../../resolvers/index.js";
import { checkRepresentations, entityReferenceResolvers } from "../../resolvers/entity-references.js";

/** The federation spec version and the directives the subgraph uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@tag"])';

/**
 * type-graphql refuses to build subscriptions without a pubSub, even when each @Subscription brings its
 * own subscribe function, as ours do (their events come from the context's live updates). This one is
 * never called; if a topic-based @Subscription is ever added, it fails at once instead of never firing.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error("Publish live updates with the PubSub of src/state, not type-graphql's");
  },
  subscribe() {
    throw new Error(
      "@Subscription needs a subscribe function that reads context.live; topics are not supported",
    );
  },
};

/** What every build of the graph passes to type-graphql (tests too). */
export const schemaBuildOptions = { resolvers, validateFn: validateArgs, pubSub: NO_TOPICS };

/** The plain GraphQL schema, without federation additions. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema(schemaBuildOptions);
}

/**
 * The served schema: the API schema plus _service, _entities and the entity reference resolvers.
 * `overrides` is for tests that show what a build option changes.
 */
export async function buildSubgraph(overrides: Partial<BuildSchemaOptions> = {}): Promise<GraphQLSchema> {
  const apiSchema = await buildSchema({ ...schemaBuildOptions, skipCheck: true, ...overrides });
  // printSchema would drop @key; printSchemaWithDirectives keeps the @Directive annotations.
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(apiSchema)}`);
  const resolverMap = createResolversMap(apiSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(entityReferenceResolvers)) {
    resolverMap[typeName] = { ...resolverMap[typeName], ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolverMap });
  const entities = schema.getQueryType()?.getFields()._entities;
  const resolveEntities = entities?.resolve;
  if (entities && resolveEntities) {
    entities.resolve = (source, args: { representations?: unknown }, context, info) => {
      checkRepresentations(args.representations);
      return resolveEntities(source, args, context, info);
    };
  }
  return schema;
}
