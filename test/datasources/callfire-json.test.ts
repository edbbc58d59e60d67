import { describe, expect, it } from "vitest";
import { parseCallFireJson, stringifyCallFireJson } from "../../datasources/callfire-json.js";

describe("parseCallFireJson", () => {
  it("is JSON.parse for ordinary bodies", () => {
    const text =
      '{"id":13413,"created":1443403042000,"billedAmount":0.0,"items":[-1,2.5e3],"ok":true,"n":null}';
    expect(parseCallFireJson(text)).toEqual(JSON.parse(text));
  });

  it("keeps integers beyond 2^53 exact as bigint, and only those", () => {
    expect(
      parseCallFireJson(
        '{"id":7420017300281076000,"small":9007199254740991,"neg":-9007199254740993,"f":12345678901234567.5}',
      ),
    ).toEqual({
      id: 7420017300281076000n,
      small: 9007199254740991,
      neg: -9007199254740993n,
      f: Number("12345678901234567.5"),
    });
  });

  it("leaves long digit runs inside strings alone, escaped quotes included", () => {
    const text = '{"message":"card 12345678901234567890 \\" 98765432109876543210","id":12345678901234567890}';
    expect(parseCallFireJson(text)).toEqual({
      message: 'card 12345678901234567890 " 98765432109876543210',
      id: 12345678901234567890n,
    });
  });

  it("rejects what JSON.parse rejects", () => {
    expect(() => parseCallFireJson("<html>12345678901234567890</html>")).toThrow(SyntaxError);
  });
});

describe("stringifyCallFireJson", () => {
  it("writes bigints as plain number tokens and everything else as JSON.stringify does", () => {
    expect(
      stringifyCallFireJson([{ contactId: 9223372036854775807n, phoneNumber: "12135551100", n: 1 }]),
    ).toBe('[{"contactId":9223372036854775807,"phoneNumber":"12135551100","n":1}]');
    expect(stringifyCallFireJson({ a: "x" })).toBe('{"a":"x"}');
  });

  it("round-trips with the parser", () => {
    const value = { id: 18446744073709551615n, items: [{ id: 1 }] };
    expect(parseCallFireJson(stringifyCallFireJson(value))).toEqual(value);
  });
});
