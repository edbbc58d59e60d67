// Generates datasources/callfire.dto.ts (the CallFire REST wire types) from the official OpenAPI document.
//   tsx scripts/generate-callfire-dto.ts [--from path/to/openapi.json] [--check]
// --check exits 1 when the committed file differs from what the document produces (for CI).
// The output is committed, so nothing reads the OpenAPI document at run time or in tests.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  description?: string;
  readOnly?: boolean;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    requestBodies: Record<string, { content: Record<string, { schema: Schema }> }>;
  };
}

/** The texts domain (docs/callfire-api.md §Endpoints) and the webhooks live updates register (§Webhooks). */
const OPERATIONS = [
  "findTexts",
  "sendTexts",
  "getText",
  "findTextAutoReplys",
  "createTextAutoReply",
  "getTextAutoReply",
  "deleteTextAutoReply",
  "findTextBroadcasts",
  "createTextBroadcast",
  "getTextBroadcast",
  "updateTextBroadcast",
  "archiveTextBroadcast",
  "getTextBroadcastBatches",
  "addTextBroadcastBatch",
  "addTextBroadcastRecipients",
  "startTextBroadcast",
  "getTextBroadcastStats",
  "stopTextBroadcast",
  "getTextBroadcastTexts",
  "toggleTextBroadcastRecipientsStatus",
  "getCampaignBatch",
  "updateCampaignBatch",
  "findWebhooks",
  "createWebhook",
  "updateWebhook",
  "deleteWebhook",
];

/** Where the document disagrees with what CallFire sends (internalCode: docs/callfire-api.md §Errors). */
const OVERRIDES: Record<string, { type: string; why: string }> = {
  "ErrorResponse.internalCode": {
    type: "number | string",
    why: "an int in the Java client, the older spec and the fixtures; a string in this spec",
  },
};

/**
 * Enums the document writes out in more than one property, emitted once as a named union (the name is the
 * Java client's).
 */
const NAMED_ENUMS: Record<string, string> = {
  "Text.finalTextResult": "TextResult",
  "TextRecord.textResult": "TextResult",
};
const namedEnums = new Map<string, string>();

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const target = `${projectRoot}datasources/callfire.dto.ts`;
const { values: args } = parseArgs({
  options: {
    from: { type: "string", default: `${projectRoot}scripts/callfire/openapi.json` },
    check: { type: "boolean", default: false },
  },
});

const sourceText = readFileSync(args.from, "utf8");
const doc = JSON.parse(sourceText) as OpenApi;

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

function comment(text: string | undefined, extra?: string): string {
  const parts = [text && text.trim() !== "~" ? text.trim() : undefined, extra].filter(Boolean);
  if (parts.length === 0) return "";
  return `/** ${parts.join(" ").replaceAll("*/", "*\\/").replace(/\s+/g, " ")} */\n`;
}

const needed = new Set<string>();

function collect(schema: Schema | undefined): void {
  if (!schema) return;
  if (schema.$ref) {
    const name = refName(schema.$ref);
    if (needed.has(name)) return;
    needed.add(name);
    collect(doc.components.schemas[name]);
    return;
  }
  schema.allOf?.forEach(collect);
  collect(schema.items);
  Object.values(schema.properties ?? {}).forEach(collect);
  if (typeof schema.additionalProperties === "object") collect(schema.additionalProperties);
}

function tsType(schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  switch (schema.type) {
    case "integer":
      return schema.format === "int64" ? "Int64" : "number";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "array": {
      const item = tsType(schema.items ?? {});
      return item.includes(" ") ? `Array<${item}>` : `${item}[]`;
    }
    case "object":
      if (typeof schema.additionalProperties === "object") {
        return `Record<string, ${tsType(schema.additionalProperties)}>`;
      }
      return "Record<string, unknown>";
    default:
      return "unknown";
  }
}

/** allOf parts are merged, later properties winning: Page + {items: Text[]} becomes one interface. */
function properties(schema: Schema): Record<string, Schema> {
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => properties(resolve(part))));
  return schema.properties ?? {};
}

function resolve(schema: Schema): Schema {
  return schema.$ref ? doc.components.schemas[refName(schema.$ref)] : schema;
}

function emitInterface(
  name: string,
  description: string | undefined,
  fields: Record<string, Schema>,
): string {
  const members = Object.entries(fields)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, schema]) => {
      const override = OVERRIDES[`${name}.${field}`];
      const type = override?.type ?? namedEnum(`${name}.${field}`, schema) ?? tsType(schema);
      const notes = [schema.readOnly ? "(Read-only.)" : "", override ? `(Overridden: ${override.why}.)` : ""];
      const text = comment(schema.description, notes.filter(Boolean).join(" ") || undefined);
      return `${text}${field}?: ${type};`;
    });
  return `${comment(description)}export interface ${name} {\n${members.join("\n")}\n}\n`;
}

/** The name of a NAMED_ENUMS property's union, noting the union; each name must stand for one union. */
function namedEnum(property: string, schema: Schema): string | undefined {
  const name = NAMED_ENUMS[property];
  if (name === undefined) return undefined;
  const union = tsType(schema);
  if ((namedEnums.get(name) ?? union) !== union) throw new Error(`${property} differs from ${name}`);
  namedEnums.set(name, union);
  return name;
}

function emitQuery(operation: Operation): string | undefined {
  const params = (operation.parameters ?? []).filter((param) => param.in === "query");
  if (params.length === 0) return undefined;
  const name = `${operation.operationId[0].toUpperCase()}${operation.operationId.slice(1)}Query`;
  const members = params.map(
    (param) =>
      `${comment(param.description)}${param.name}${param.required ? "" : "?"}: ${tsType(param.schema)};`,
  );
  return `/** Query parameters of ${operation.operationId}. */\nexport interface ${name} {\n${members.join("\n")}\n}\n`;
}

const operations = new Map<string, Operation>();
for (const pathItem of Object.values(doc.paths)) {
  for (const operation of Object.values(pathItem)) {
    if (OPERATIONS.includes(operation.operationId)) operations.set(operation.operationId, operation);
  }
}
const missing = OPERATIONS.filter((id) => !operations.has(id));
if (missing.length > 0) throw new Error(`operations not in the document: ${missing.join(", ")}`);

for (const id of OPERATIONS) {
  const operation = operations.get(id)!;
  const body = operation.requestBody?.$ref
    ? doc.components.requestBodies[refName(operation.requestBody.$ref)]
    : operation.requestBody;
  Object.values(body?.content ?? {}).forEach((media) => collect(media.schema));
  for (const response of Object.values(operation.responses)) {
    Object.values(response.content ?? {}).forEach((media) => collect(media.schema));
  }
}

const sha = createHash("sha256").update(sourceText).digest("hex").slice(0, 16);
const header = `// Generated by scripts/generate-callfire-dto.ts from scripts/callfire/openapi.json (sha256 ${sha}…); do not edit.
// CallFire REST v2 wire types of the texts domain: JSON as CallFire sends and accepts it.
// - Every property is optional: CallFire leaves nulls out, and the fields parameter drops properties.
// - int64 values (ids, epoch-millisecond times) are Int64: a number, or a bigint beyond 2^53 (callfire-json.ts).
// - Enum unions list the documented values only; CallFire adds values over time (to-model.ts tolerates them).
import type { Int64 } from "./callfire-json.js";
`;

const schemaCode = [...needed].sort().map((name) => {
  const schema = doc.components.schemas[name];
  return emitInterface(name, schema.description, properties(schema));
});
const queryCode = OPERATIONS.map((id) => emitQuery(operations.get(id)!)).filter(Boolean);
const enumCode = [...namedEnums].map(([name, union]) => {
  const uses = Object.keys(NAMED_ENUMS).filter((property) => NAMED_ENUMS[property] === name);
  return `/** The values of ${uses.join(" and ")}. */\nexport type ${name} = ${union};\n`;
});
const source = [header, ...enumCode, ...schemaCode, ...queryCode].join("\n");
const formatted = await prettier.format(source, {
  ...(await prettier.resolveConfig(target)),
  filepath: target,
});

if (args.check) {
  const current = readFileSync(target, "utf8");
  if (current !== formatted) {
    console.error(`${target} is out of date: run tsx scripts/generate-callfire-dto.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(target, formatted);
  console.log(`wrote ${target} (${needed.size} schemas, ${queryCode.length} query types)`);
}
