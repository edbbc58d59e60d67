// Derives the JSON schemas the sandbox contract tests need from the official CallFire OpenAPI document
// and writes them to sandbox/openapi/callfire-texts.schemas.json (committed). Tests read only that output.
// Its source, scripts/callfire/openapi.json, is a copy of CallFire's official document kept in the repo.
//
//   npx tsx scripts/derive-openapi-schemas.ts [path/to/openapi.json]
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SOURCE = "scripts/callfire/openapi.json";
const OUTPUT = "sandbox/openapi/callfire-texts.schemas.json";

/** docs/callfire-api.md §Endpoints, 1–22 in table order, then the webhooks API (§Webhooks, W1–W7). */
const OPERATIONS: ReadonlyArray<readonly [method: string, path: string]> = [
  ["get", "/texts"],
  ["post", "/texts"],
  ["get", "/texts/{id}"],
  ["get", "/texts/auto-replys"],
  ["post", "/texts/auto-replys"],
  ["get", "/texts/auto-replys/{id}"],
  ["delete", "/texts/auto-replys/{id}"],
  ["get", "/texts/broadcasts"],
  ["post", "/texts/broadcasts"],
  ["get", "/texts/broadcasts/{id}"],
  ["put", "/texts/broadcasts/{id}"],
  ["post", "/texts/broadcasts/{id}/archive"],
  ["get", "/texts/broadcasts/{id}/batches"],
  ["post", "/texts/broadcasts/{id}/batches"],
  ["post", "/texts/broadcasts/{id}/recipients"],
  ["post", "/texts/broadcasts/{id}/start"],
  ["get", "/texts/broadcasts/{id}/stats"],
  ["post", "/texts/broadcasts/{id}/stop"],
  ["get", "/texts/broadcasts/{id}/texts"],
  ["post", "/texts/broadcasts/{id}/toggleRecipientsStatus"],
  ["get", "/campaigns/batches/{id}"],
  ["put", "/campaigns/batches/{id}"],
  ["get", "/webhooks"],
  ["post", "/webhooks"],
  ["get", "/webhooks/{id}"],
  ["put", "/webhooks/{id}"],
  ["delete", "/webhooks/{id}"],
  ["get", "/webhooks/resources"],
  ["get", "/webhooks/resources/{resource}"],
];

/**
 * The document declares no 2xx for operations without a response body. The status they answer with comes
 * from CallFire's samples (docs/callfire-api.md §Answers and success statuses): 204 for DELETE, 200 with
 * an empty body for the rest.
 */
const EMPTY_SUCCESS: Record<string, number> = { delete: 204, post: 200, put: 200 };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where}: expected an object`);
  return value;
}

/** Rewrites refs to `#/definitions/X`, drops descriptions and flattens allOf so tests can close objects. */
function convert(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => convert(item, refs));
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string") {
    const name = node.$ref.replace("#/components/schemas/", "");
    refs.add(name);
    return { $ref: `#/definitions/${name}` };
  }
  if (Array.isArray(node.allOf)) return convert(flattenAllOf(node.allOf), refs);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description") continue;
    out[key] = key === "properties" ? convertProperties(asObject(value, key), refs) : convert(value, refs);
  }
  return out;
}

function convertProperties(properties: JsonObject, refs: Set<string>): JsonObject {
  return Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, convert(schema, refs)]),
  );
}

let components: JsonObject = {};

function flattenAllOf(parts: Json[]): JsonObject {
  const properties: JsonObject = {};
  for (const part of parts) {
    const schema =
      isObject(part) && typeof part.$ref === "string" ? lookup(part.$ref) : asObject(part, "allOf");
    Object.assign(properties, asObject(schema.properties ?? {}, "allOf properties"));
  }
  return { type: "object", properties };
}

function lookup(ref: string): JsonObject {
  const [, section, name] = ref.replace("#/components/", "/").split("/");
  return asObject(asObject(components[section], section)[name], ref);
}

function schemaOf(content: Json | undefined): Json | null {
  if (!isObject(content)) return null;
  const media = asObject(content["application/json"], "application/json");
  return media.schema ?? null;
}

function main(): void {
  const sourcePath = resolve(process.argv[2] ?? SOURCE);
  const doc = JSON.parse(readFileSync(sourcePath, "utf8")) as JsonObject;
  components = asObject(doc.components, "components");
  const info = asObject(doc.info, "info");
  const license = asObject(info.license, "info.license");
  const refs = new Set<string>();
  const operations: JsonObject = {};

  for (const [method, path] of OPERATIONS) {
    const op = asObject(asObject(asObject(doc.paths, "paths")[path], path)[method], `${method} ${path}`);
    const parameters = (op.parameters as JsonObject[] | undefined) ?? [];
    let requestBody: Json = null;
    if (isObject(op.requestBody)) {
      const body = typeof op.requestBody.$ref === "string" ? lookup(op.requestBody.$ref) : op.requestBody;
      requestBody = convert(schemaOf(body.content) ?? {}, refs);
    }
    const responses: JsonObject = {};
    for (const [status, response] of Object.entries(asObject(op.responses, "responses"))) {
      const schema = schemaOf(asObject(response, status).content);
      responses[status] = schema === null ? null : convert(schema, refs);
    }
    if (!Object.keys(responses).some((status) => status.startsWith("2"))) {
      responses[String(EMPTY_SUCCESS[method])] = null;
    }
    operations[String(op.operationId)] = {
      method: method.toUpperCase(),
      path,
      parameters: parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required ?? false,
        ...(p.explode === undefined ? {} : { explode: p.explode }),
        schema: convert(p.schema ?? {}, refs),
      })),
      requestBody,
      responses,
    };
  }

  const definitions: JsonObject = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in definitions) continue;
    const found = new Set<string>();
    definitions[name] = convert(lookup(`#/components/schemas/${name}`), found);
    for (const ref of found) if (!(ref in definitions)) pending.push(ref);
  }
  // The clients (Java, C#) and the older spec declare internalCode as an integer; the sandbox sends one
  // (docs/callfire-api.md §Errors). This document's later snapshot says string.
  const error = asObject(asObject(definitions.ErrorResponse, "ErrorResponse").properties, "ErrorResponse");
  error.internalCode = {
    $comment: "patched from string: the official clients and the older spec declare an integer",
    type: "integer",
    format: "int32",
  };

  const output = {
    $comment:
      `Generated by scripts/derive-openapi-schemas.ts from ${SOURCE} ("${String(info.title)}" ${String(info.version)}, ` +
      `OpenAPI ${String(doc.openapi)}, a conversion of https://www.callfire.com/v2/api-docs/swagger.json). ` +
      `The source document is licensed ${String(license.name)} (${String(license.url)}) by CallFire. Do not edit by hand.`,
    $id: "callfire-texts.schemas.json",
    operations,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(OUTPUT, `${JSON.stringify(output, null, 2)}\n`);
  console.log(
    `wrote ${OUTPUT}: ${OPERATIONS.length} operations, ${Object.keys(definitions).length} definitions`,
  );
}

main();
