import { describe, expect, it } from "vitest";
import { errorCode } from "../../src/core/errors.js";
import { isCallFireId } from "../../src/core/callfire-id.js";
import {
  pathId,
  toBatchRequest,
  toCsv,
  toInt64,
  toSearchParams,
  toTextBroadcastBody,
  toTextRecipient,
} from "../../datasources/to-dto.js";
import { BigMessageStrategy, TextState } from "../../schema/enums.js";

describe("ids", () => {
  it("safe ids become numbers, larger ones exact bigints", () => {
    expect(toInt64("13413", "id")).toBe(13413);
    expect(toInt64("9007199254740993", "id")).toBe(9007199254740993n);
    expect(toInt64("9223372036854775807", "id")).toBe(9223372036854775807n);
  });

  it.each(["", "abc", "-1", "1e3", " 1", "1/2", "9223372036854775808", "12345678901234567890"])(
    "%j is not a CallFire id",
    (id) => {
      expect(isCallFireId(id)).toBe(false);
      let code: string | undefined;
      try {
        toInt64(id, "campaignId");
      } catch (error) {
        code = errorCode(error);
        expect((error as Error).message).toMatch(
          /^campaignId must be a CallFire id \(digits only, e\.g\. "13"\); got /,
        );
      }
      expect(code).toBe("BAD_USER_INPUT");
    },
  );

  it("path ids are canonical", () => {
    expect(pathId("007")).toBe("7");
    expect(pathId("9007199254740993")).toBe("9007199254740993");
  });
});

describe("query parameters", () => {
  it("repeat arrays, stringify scalars and leave out null, undefined and empty arrays", () => {
    const params = toSearchParams({ id: [1, 2n], a: null, b: undefined, c: [], d: false, e: 0, f: "x y" });
    expect(params.toString()).toBe("id=1&id=2&d=false&e=0&f=x+y");
  });

  it("CSV for states and results; nothing for none", () => {
    expect(toCsv([TextState.READY, TextState.FINISHED])).toBe("READY,FINISHED");
    expect(toCsv([])).toBeUndefined();
    expect(toCsv(null)).toBeUndefined();
  });
});

describe("bodies", () => {
  it("a text recipient: mediaIds → media [{id}], nulls left out", () => {
    expect(
      toTextRecipient({
        phoneNumber: "12135551100",
        contactId: null,
        message: undefined,
        mediaIds: ["1", "2"],
      }),
    ).toEqual({ phoneNumber: "12135551100", media: [{ id: 1 }, { id: 2 }] });
  });

  it("a new broadcast keeps empty labels and every given field", () => {
    expect(
      toTextBroadcastBody({
        name: "n",
        message: "m",
        labels: [],
        bigMessageStrategy: BigMessageStrategy.TRIM,
        maxActive: 5,
        fromNumber: null,
        recipients: null,
      }),
    ).toEqual({ name: "n", message: "m", labels: [], bigMessageStrategy: "TRIM", maxActive: 5 });
  });

  it("a batch request from a contact list", () => {
    expect(toBatchRequest({ name: "b", contactListId: "42", recipients: null })).toEqual({
      name: "b",
      contactListId: 42,
    });
  });
});
