// The custom scalars' error paths: a bad DateTime or JSONObject, as a literal, a variable or an output
// value, is BAD_USER_INPUT with a message that says what to send.
import { Kind, parseValue } from "graphql";
import { describe, expect, it } from "vitest";
import { DateTimeScalar, JSONObjectScalar } from "../../schema/scalars.js";

function failure(run: () => unknown): { message: string; code: unknown } {
  try {
    run();
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: { code: unknown } };
    return { message, code: extensions.code };
  }
  throw new Error("expected a failure");
}

const ISO_HINT =
  'DateTime must be an ISO-8601 date-time string from 1970 to 9999 such as "2024-05-01T12:00:00Z"';

describe("DateTime", () => {
  it("reads ISO strings, epoch-ms integers and Dates; writes ISO strings", () => {
    const iso = "2024-05-01T12:00:00.000Z";
    expect(DateTimeScalar.parseValue(iso)).toEqual(new Date(iso));
    expect(DateTimeScalar.parseLiteral(parseValue(`"${iso}"`))).toEqual(new Date(iso));
    expect(DateTimeScalar.parseLiteral(parseValue("1714564800000"))).toEqual(new Date(iso));
    expect(DateTimeScalar.serialize(new Date(iso))).toBe(iso);
    expect(DateTimeScalar.serialize(1714564800000)).toBe(iso);
  });

  it.each([
    ["a date without a time", "2024-05-01", '"2024-05-01"'],
    ["an impossible date", "2024-13-45T00:00:00Z", '"2024-13-45T00:00:00Z"'],
    ["a word", "tomorrow", '"tomorrow"'],
    ["a time before 1970", -1, "-1"],
    ["a boolean", true, "true"],
    ["null", null, "null"],
  ])("refuses %s as a variable", (_case, value, shown) => {
    expect(failure(() => DateTimeScalar.parseValue(value))).toEqual({
      message: `${ISO_HINT}; got ${shown}`,
      code: "BAD_USER_INPUT",
    });
  });

  it("refuses an invalid Date as an output value", () => {
    expect(failure(() => DateTimeScalar.serialize(new Date(Number.NaN))).code).toBe("BAD_USER_INPUT");
  });

  it.each([
    ["a string that is no date", '"soon"', `${ISO_HINT}; got "soon"`],
    ["a float", "1.5", "DateTime literals must be ISO-8601 strings"],
    ["a boolean", "true", "DateTime literals must be ISO-8601 strings"],
    ["an object", '{ at: "2024-05-01T12:00:00Z" }', "DateTime literals must be ISO-8601 strings"],
    ["a list", '["2024-05-01T12:00:00Z"]', "DateTime literals must be ISO-8601 strings"],
  ])("refuses %s as a literal", (_case, literal, message) => {
    expect(failure(() => DateTimeScalar.parseLiteral(parseValue(literal)))).toEqual({
      message,
      code: "BAD_USER_INPUT",
    });
  });
});

describe("JSONObject", () => {
  it("keeps strings and turns numbers and booleans into strings, from variables and literals", () => {
    expect(JSONObjectScalar.parseValue({ name: "Ana", n: 3, ok: true })).toEqual({
      name: "Ana",
      n: "3",
      ok: "true",
    });
    expect(JSONObjectScalar.parseLiteral(parseValue('{ name: "Ana", n: 3, f: 1.5, ok: false }'))).toEqual({
      name: "Ana",
      n: "3",
      f: "1.5",
      ok: "false",
    });
    expect(JSONObjectScalar.serialize({ name: "Ana" })).toEqual({ name: "Ana" });
  });

  it.each([
    ["a string", "name", '"name"'],
    ["a list", ["a"], '["a"]'],
    ["null", null, "null"],
    ["a number", 3, "3"],
  ])("refuses %s as a variable", (_case, value, shown) => {
    expect(failure(() => JSONObjectScalar.parseValue(value))).toEqual({
      message: `JSONObject must be an object of string values; got ${shown}`,
      code: "BAD_USER_INPUT",
    });
  });

  it("refuses a nested object or a null value inside, naming the key", () => {
    expect(failure(() => JSONObjectScalar.parseValue({ address: { city: "LA" } }))).toEqual({
      message: 'JSONObject value "address" must be a string, number or boolean',
      code: "BAD_USER_INPUT",
    });
    expect(failure(() => JSONObjectScalar.serialize({ gone: null })).message).toBe(
      'JSONObject value "gone" must be a string, number or boolean',
    );
  });

  it.each([
    ["a list", '["a"]'],
    ["null", "null"],
    ["an enum value", "RED"],
    ["a list inside", "{ tags: [1, 2] }"],
  ])("refuses %s as a literal", (_case, literal) => {
    expect(failure(() => JSONObjectScalar.parseLiteral(parseValue(literal)))).toEqual({
      message: "JSONObject literals hold strings, numbers or booleans only",
      code: "BAD_USER_INPUT",
    });
  });

  it("refuses a literal that is a bare string, saying an object is needed", () => {
    expect(failure(() => JSONObjectScalar.parseLiteral({ kind: Kind.STRING, value: "x" })).message).toBe(
      'JSONObject must be an object of string values; got "x"',
    );
  });
});
