// The sandbox's pure rules: partial responses, phone numbers, magic numbers, the broadcast state machine,
// auto-reply matching and message templates.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../sandbox/domain/api-error.js";
import { autoReplyMatches, renderReply } from "../../sandbox/domain/auto-reply-matcher.js";
import { nextStatus } from "../../sandbox/domain/broadcast-state.js";
import { MAGIC_NUMBERS, carrierResult } from "../../sandbox/domain/magic-numbers.js";
import { messageToSend, planDelivery, renderTemplate } from "../../sandbox/domain/message-template.js";
import { parsePhoneNumber } from "../../sandbox/domain/phone-numbers.js";
import { applyFields, parseFields } from "../../sandbox/http/fields-filter.js";

describe("fields filter", () => {
  const page = {
    items: [{ id: 1, name: "a", agents: [{ id: 7, name: "x" }], status: "SETUP" }],
    limit: 10,
    offset: 0,
    totalCount: 1,
  };

  it("keeps named properties, nests through arrays and objects, and drops the rest", () => {
    expect(applyFields(page, parseFields("limit, items (id, agents(id))"))).toEqual({
      limit: 10,
      items: [{ id: 1, agents: [{ id: 7 }] }],
    });
    expect(applyFields({ contact: { id: 1, homePhone: "1" } }, parseFields("contact(homePhone)"))).toEqual({
      contact: { homePhone: "1" },
    });
    expect(applyFields(page, parseFields("ITEMS(NAME),unknown"))).toEqual({ items: [{ name: "a" }] });
    expect(applyFields(page, parseFields("items(id),items"))).toEqual({ items: page.items });
  });

  it("refuses malformed specs", () => {
    for (const spec of ["items(id", "items)", "a,,b", "(id)", "a b", ""]) {
      expect(() => parseFields(spec), spec).toThrow(ApiError);
    }
  });
});

describe("phone numbers", () => {
  it("accepts 11-digit NANP numbers, 10-digit ones (adding the 1) and short codes", () => {
    expect(parsePhoneNumber("12135551100")).toEqual({ valid: true, number: "12135551100" });
    expect(parsePhoneNumber("+1 (213) 555-1100")).toEqual({ valid: true, number: "12135551100" });
    expect(parsePhoneNumber("2135551100")).toEqual({ valid: true, number: "12135551100" });
    expect(parsePhoneNumber("67076")).toEqual({ valid: true, number: "67076" });
    for (const bad of ["123", "11135551100", "555-CALL-NOW", "1213555110012", ""]) {
      expect(parsePhoneNumber(bad).valid, bad).toBe(false);
    }
  });
});

describe("magic numbers", () => {
  it("decides the carrier's result by the last four digits", () => {
    expect(MAGIC_NUMBERS.map((m) => [m.ending, carrierResult(`1213555${m.ending}`, true)])).toEqual([
      ["0001", "DNT"],
      ["0002", "CARRIER_ERROR"],
      ["0003", "CARRIER_TEMP_ERROR"],
      ["0004", "INTERNAL_ERROR"],
    ]);
    expect(carrierResult("12135550005", true)).toBe("SENT");
    expect(carrierResult("12135551100", true)).toBe("SENT");
    expect(carrierResult("not-a-number", false)).toBe("CARRIER_ERROR");
  });
});

describe("broadcast state machine", () => {
  it("allows the documented transitions", () => {
    expect(nextStatus("SETUP", "start")).toBe("RUNNING");
    expect(nextStatus("RUNNING", "stop")).toBe("STOPPED");
    expect(nextStatus("STOPPED", "start")).toBe("RUNNING");
    expect(nextStatus("FINISHED", "start")).toBe("RUNNING");
    for (const status of ["SETUP", "STOPPED", "FINISHED"] as const)
      expect(nextStatus(status, "archive")).toBe("ARCHIVED");
    expect(nextStatus("ARCHIVED", "archive")).toBe("ARCHIVED");
    expect(nextStatus("RUNNING", "update")).toBe("RUNNING");
  });

  it("refuses the others with a 400 that says why", () => {
    const refusals = [
      ["SETUP", "stop"],
      ["RUNNING", "start"],
      ["RUNNING", "archive"],
      ["STOPPED", "stop"],
      ["FINISHED", "stop"],
      ["ARCHIVED", "start"],
      ["ARCHIVED", "update"],
      ["ARCHIVED", "addRecipients"],
    ] as const;
    for (const [status, action] of refusals) {
      try {
        nextStatus(status, action);
        expect.unreachable(`${status} ${action}`);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, internalCode: 40010 });
        expect((error as Error).message).toMatch(
          new RegExp(`^Cannot ${action} broadcast in status ${status}: .+`),
        );
      }
    }
  });
});

describe("auto-reply matching", () => {
  const inbound = (message: string, toNumber = "67076") => ({ message, toNumber });

  it("matches number, first-word keyword and whole-word match, case-insensitively", () => {
    expect(autoReplyMatches({ id: 1, keyword: "help", message: "r" }, inbound("HELP me"))).toBe(true);
    expect(autoReplyMatches({ id: 1, keyword: "help", message: "r" }, inbound("I need help"))).toBe(false);
    expect(autoReplyMatches({ id: 1, number: "67076", message: "r" }, inbound("x", "12135550100"))).toBe(
      false,
    );
    expect(autoReplyMatches({ id: 1, match: "Open", message: "r" }, inbound("are you open?"))).toBe(true);
    expect(autoReplyMatches({ id: 1, match: "open", message: "r" }, inbound("reopened"))).toBe(false);
    expect(autoReplyMatches({ id: 1, match: ".*", message: "r" }, inbound("anything"))).toBe(true);
    expect(autoReplyMatches({ id: 1, match: "  ", message: "r" }, inbound("anything"))).toBe(true);
  });

  it("echoes the inbound message into the reply", () => {
    expect(renderReply("Echo - ${text.message}!", inbound("hi"))).toBe("Echo - hi!");
  });
});

describe("message templates and length", () => {
  it("fills ${key} from attributes and leaves unknown placeholders", () => {
    expect(renderTemplate("Hi ${name}, ${ missing }", { name: "Ana" })).toBe("Hi Ana, ${ missing }");
  });

  it("plans delivery per bigMessageStrategy", () => {
    const long = "z".repeat(307);
    expect(planDelivery("short", "DO_NOT_SEND")).toEqual({ send: true, credits: 1 });
    expect(planDelivery(long, "SEND_MULTIPLE")).toEqual({ send: true, credits: 3 });
    expect(planDelivery(long, "DO_NOT_SEND")).toEqual({ send: false });
    expect(planDelivery(long, "MMS")).toEqual({ send: true, credits: 3 });
    expect(messageToSend(long, "TRIM")).toHaveLength(160);
    expect(messageToSend(long, "MMS")).toHaveLength(307);
  });
});
