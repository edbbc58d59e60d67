// The built schema against the public contract (test/fixtures/schema-sketch.graphql): every type,
// field, argument and enum value of the sketch exists with the same type, and everything we define has a
// description.
import { readFileSync } from "node:fs";
import {
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  Kind,
  parse,
  print,
  type GraphQLSchema,
  type TypeNode,
} from "graphql";
import { buildSchema } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaBuildOptions } from "../../src/graphql/schema.js";

const sketch = parse(readFileSync(new URL("../fixtures/schema-sketch.graphql", import.meta.url), "utf8"));

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ ...schemaBuildOptions, validate: true });
});

function typeString(node: TypeNode): string {
  return print(node);
}

/** "Type.field(arg): type" lines for everything the sketch declares, and the same lines from the schema. */
function contractLines(): { expected: string[]; actual: string[] } {
  const expected: string[] = [];
  const actual: string[] = [];
  for (const definition of sketch.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
        const type = schema.getType(definition.name.value);
        const fields = type && (isObjectType(type) || isInputObjectType(type)) ? type.getFields() : {};
        for (const field of definition.fields ?? []) {
          const name = `${definition.name.value}.${field.name.value}`;
          expected.push(`${name}: ${typeString(field.type)}`);
          const built = fields[field.name.value];
          actual.push(`${name}: ${built ? String(built.type) : "missing"}`);
          for (const arg of "arguments" in field ? (field.arguments ?? []) : []) {
            expected.push(`${name}(${arg.name.value}): ${typeString(arg.type)}`);
            const builtArg =
              built && "args" in built ? built.args.find((a) => a.name === arg.name.value) : undefined;
            actual.push(`${name}(${arg.name.value}): ${builtArg ? String(builtArg.type) : "missing"}`);
          }
        }
        break;
      }
      case Kind.ENUM_TYPE_DEFINITION: {
        const type = schema.getType(definition.name.value);
        const values = isEnumType(type) ? type.getValues().map((value) => value.name) : [];
        for (const value of definition.values ?? []) {
          expected.push(`${definition.name.value}.${value.name.value}`);
          actual.push(
            values.includes(value.name.value) ? `${definition.name.value}.${value.name.value}` : "missing",
          );
        }
        break;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
        expected.push(`scalar ${definition.name.value}`);
        actual.push(schema.getType(definition.name.value) ? `scalar ${definition.name.value}` : "missing");
        break;
    }
  }
  return { expected, actual };
}

describe("schema contract", () => {
  it("has every type, field, argument and enum value of the sketch, with the sketch's types", () => {
    const { expected, actual } = contractLines();
    expect(expected.length).toBeGreaterThan(250);
    expect(actual).toEqual(expected);
  });

  it("lists root fields and their arguments in the sketch's order", () => {
    const args = (field: string) =>
      (schema.getQueryType()?.getFields()[field] ?? schema.getMutationType()?.getFields()[field])?.args.map(
        (arg) => arg.name,
      );
    expect(args("texts")).toEqual(["filter", "limit", "offset"]);
    // The sketch's arguments first, in its order; arguments we added (idempotencyKey) after them.
    expect(args("sendTexts")).toEqual([
      "recipients",
      "campaignId",
      "defaultMessage",
      "strictValidation",
      "idempotencyKey",
    ]);
    expect(args("createTextBroadcast")).toEqual(["input", "start", "strictValidation", "idempotencyKey"]);
    expect(args("toggleTextBroadcastRecipients")).toEqual(["broadcastId", "recipients", "enable"]);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual([
      "text",
      "texts",
      "textBroadcast",
      "textBroadcasts",
      "batch",
      "textAutoReply",
      "textAutoReplies",
    ]);
  });

  it("describes every type, field, argument and enum value it defines", () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      // type-graphql gives the root operation types no description.
      const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(
        type as never,
      );
      if (!type.description && !isRoot) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) undocumented.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
