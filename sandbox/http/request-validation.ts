// Every request body is checked against its operation's model before anything reads or stores it, so a
// shape the official clients could not read back (a schedule time as "09:00", a media type "png", an
// unknown property) is a 400 that names the field instead of a stored record that breaks later reads.
import type { ErrorObject } from "ajv";
import { badRequest } from "../domain/api-error.js";
import { callFireValidator, definitions, operations } from "../openapi/callfire-schemas.js";

type Json = Record<string, unknown>;

/** CallFire (Jackson) reads a null property as one that was not sent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [key, withoutNulls(inner)]),
  );
}

/** "/schedules/0/startTimeOfDay" → "body.schedules[0].startTimeOfDay". */
function fieldPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), "body");
}

const KINDS: Record<string, string> = {
  object: "an object",
  array: "an array",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
};

const FORMATS: Record<string, string> = {
  "mime-type": "a MIME type such as image/jpeg",
  "iana-time-zone": "an IANA time zone such as America/Los_Angeles",
  int32: "a 32-bit integer",
  int64: "a 64-bit integer",
};

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The definition a schema path points into, e.g. "callfire#/definitions/Schedule/additionalProperties". */
function definitionOf(error: ErrorObject): string | undefined {
  return /\/definitions\/(\w+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

function describe(error: ErrorObject): string {
  const path = fieldPath(error.instancePath);
  const got = `; got ${shown(error.data)}`;
  const schema = (error.parentSchema ?? {}) as Json;
  switch (error.keyword) {
    case "additionalProperties": {
      const name = definitionOf(error);
      const properties = name === undefined ? undefined : (definitions[name] as Json | undefined)?.properties;
      const allowed = properties === undefined ? undefined : Object.keys(properties as Json);
      const property = String(error.params.additionalProperty);
      return `${path}.${property} is not a field of ${name ?? "this object"}${allowed ? ` (fields: ${allowed.join(", ")})` : ""}`;
    }
    case "type": {
      const types = ([] as string[]).concat(error.params.type as string | string[]);
      return `${path} must be ${types.map((t) => KINDS[t] ?? t).join(" or ")}${got}`;
    }
    case "minimum":
    case "maximum":
      return `${path} must be between ${String(schema.minimum)} and ${String(schema.maximum)}${got}`;
    case "enum":
      return `${path} must be one of ${(schema.enum as string[]).join(", ")}${got}`;
    case "format":
      return `${path} must be ${FORMATS[String(error.params.format)] ?? error.params.format}${got}`;
    case "uniqueItems":
      return `${path} must not list the same value twice${got}`;
    case "x-calendar-date":
      return `${path} is not a date in the calendar${got}`;
    default:
      return `${path} ${error.message ?? "is not valid"}${got}`;
  }
}

/** The body with nulls dropped, once it matches the operation's model; a 400 naming the field otherwise. */
export function checkedBody(operationId: string, raw: unknown): unknown {
  const schema = operations[operationId]?.requestBody;
  if (schema === undefined || schema === null) throw new Error(`${operationId} takes no request body`);
  if (raw === undefined) throw badRequest("The request needs a JSON body");
  const body = withoutNulls(raw);
  const validate = callFireValidator(schema);
  if (!validate(body)) {
    const [error] = validate.errors ?? [];
    throw badRequest(error === undefined ? "body is not valid" : describe(error));
  }
  return body;
}

/** Compiles every operation's request check now, so the first request does not pay for it. */
export function prepareRequestValidation(): void {
  for (const { requestBody } of Object.values(operations)) {
    if (requestBody !== null) callFireValidator(requestBody);
  }
}
