// The two custom scalars of the contract. CallFire sends times as unix milliseconds; the graph speaks
// ISO-8601 so that clients never meet a number that overflows GraphQL's 32-bit Int.
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

/** The DateTimes the graph speaks: from the Unix epoch to the end of year 9999 (four-digit ISO years). */
export const MIN_DATE_MS = 0;
export const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isDateInRange(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= MIN_DATE_MS && ms <= MAX_DATE_MS;
}

function toDate(value: unknown): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) date = new Date(value);
  else if (typeof value === "number") date = new Date(value);
  if (date && isDateInRange(date.getTime())) return date;
  throw badInput(
    `DateTime must be an ISO-8601 date-time string from 1970 to 9999 such as "2024-05-01T12:00:00Z"; got ${shown(value)}`,
  );
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description:
    "A point in time as an ISO-8601 string in UTC, e.g. 2024-05-01T12:00:00.000Z. CallFire's unix milliseconds are converted both ways.",
  serialize: (value) => toDate(value).toISOString(),
  parseValue: toDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return toDate(ast.value);
    if (ast.kind === Kind.INT) return toDate(Number(ast.value));
    throw badInput("DateTime literals must be ISO-8601 strings");
  },
});

export type JSONObject = Record<string, string>;

function toStringMap(value: unknown): JSONObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badInput(`JSONObject must be an object of string values; got ${JSON.stringify(value)}`);
  }
  const map: JSONObject = {};
  for (const [key, entry] of Object.entries(value)) {
    // CallFire's own samples send numbers and booleans as attribute values: keep them, as strings.
    if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") {
      map[key] = String(entry);
    } else {
      throw badInput(`JSONObject value "${key}" must be a string, number or boolean`);
    }
  }
  return map;
}

function literalToValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalToValue(field.value)]));
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    default:
      throw badInput("JSONObject literals hold strings, numbers or booleans only");
  }
}

export const JSONObjectScalar = new GraphQLScalarType<JSONObject, JSONObject>({
  name: "JSONObject",
  description:
    'A map of string keys to string values, CallFire\'s "attributes" (template variables and user data), e.g. {"name": "Alice"}.',
  serialize: toStringMap,
  parseValue: toStringMap,
  parseLiteral: (ast) => toStringMap(literalToValue(ast)),
});
