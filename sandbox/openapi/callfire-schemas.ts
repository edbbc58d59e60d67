// The CallFire models as the sandbox enforces them: the types of the official OpenAPI document (derived and
// committed beside this file), closed to undocumented properties, plus the constraints CallFire states only
// in words (docs/callfire-api.md §Models). Requests are checked with them, and the contract tests check
// responses.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import document from "./callfire-texts.schemas.json" with { type: "json" };

type Json = Record<string, unknown>;

export interface CallFireOperation {
  method: string;
  path: string;
  requestBody: Json | null;
  responses: Record<string, Json | null>;
}

export const operations = document.operations as unknown as Record<string, CallFireOperation>;

/** java.time.DayOfWeek, which the official clients read `daysOfWeek` into. */
export const DAYS_OF_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

const range = (minimum: number, maximum: number) => ({ type: "integer", minimum, maximum });
const hour = range(0, 23);
const minute = range(0, 59);

/** Per definition, per property: replaces the document's schema of that property. */
const CONSTRAINTS: Record<string, Record<string, Json>> = {
  LocalTime: { hour, minute, second: range(0, 59), nano: range(0, 999_999_999) },
  LocalDate: { year: range(1, 9999), month: range(1, 12), day: range(1, 31) },
  LocalTimeRestriction: { beginHour: hour, beginMinute: minute, endHour: hour, endMinute: minute },
  Schedule: {
    daysOfWeek: { type: "array", uniqueItems: true, items: { type: "string", enum: DAYS_OF_WEEK } },
    timeZone: { type: "string", format: "iana-time-zone" },
  },
  Media: { mediaType: { type: "string", format: "mime-type" } },
  // CallFire reads attribute values as strings and, like any Jackson server, takes numbers and booleans
  // as their text; the sandbox stores them as strings.
  Recipient: {
    attributes: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
  },
  TextRecipient: {
    attributes: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
  },
};

/** Schemas with declared properties get additionalProperties: false, so undocumented keys fail. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    // A "properties" map is keyed by property name (Contact even has one called "properties").
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value as Json).map(([name, inner]) => [name, closed(inner)]))
        : closed(value);
  }
  if ("properties" in out && !("additionalProperties" in out)) out.additionalProperties = false;
  return out;
}

function constrained(definitions: Json): Json {
  const out = closed(definitions) as Record<string, Json & { properties: Json }>;
  for (const [name, properties] of Object.entries(CONSTRAINTS)) {
    const definition = out[name];
    if (definition === undefined) throw new Error(`No definition ${name} in the CallFire schemas`);
    for (const [property, schema] of Object.entries(properties)) {
      if (!(property in definition.properties)) throw new Error(`No property ${name}.${property}`);
      definition.properties[property] = schema;
    }
  }
  // A LocalDate must exist in the calendar (no February 30).
  (out.LocalDate as Json)["x-calendar-date"] = true;
  return out;
}

export const definitions = constrained(document.definitions);

const MIME_TYPE =
  /^(application|audio|font|image|message|model|multipart|text|video)\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(date: { year?: number; month?: number; day?: number }): boolean {
  if (date.year === undefined || date.month === undefined || date.day === undefined) return true;
  const utc = new Date(Date.UTC(2000, date.month - 1, date.day));
  utc.setUTCFullYear(date.year);
  return utc.getUTCMonth() === date.month - 1 && utc.getUTCDate() === date.day;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function createAjv(): Ajv {
  const ajv = addFormats(new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true }));
  ajv.addFormat("mime-type", MIME_TYPE);
  ajv.addFormat("iana-time-zone", isTimeZone);
  ajv.addKeyword({
    keyword: "x-calendar-date",
    type: "object",
    schemaType: "boolean",
    validate: (_: boolean, data: Json) => isCalendarDate(data),
  });
  ajv.addSchema({ $id: "callfire", definitions });
  return ajv;
}

let shared: { ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined;

/** A validator for a schema that refers to `#/definitions/…` of the CallFire document; compiled once. */
export function callFireValidator(schema: Json): ValidateFunction {
  shared ??= { ajv: createAjv(), validators: new Map() };
  const key = JSON.stringify(schema);
  let validate = shared.validators.get(key);
  if (validate === undefined) {
    validate = shared.ajv.compile(
      JSON.parse(key.replaceAll('"#/definitions/', '"callfire#/definitions/')) as Json,
    );
    shared.validators.set(key, validate);
  }
  return validate;
}
