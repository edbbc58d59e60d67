// Accounts are isolated from each other, data survives a restart on a file database, the seed runs on
// first start only, and stop() leaves nothing running.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Page, Text, TextAutoReply, TextBroadcast } from "../../sandbox/domain/callfire.types.js";
import { DEFAULT_LOGIN, DEFAULT_PASSWORD, startSandbox } from "../../sandbox/index.js";
import { basic, newAccount, SandboxClient, startTestSandbox } from "./helpers/sandbox-client.js";

const dir = mkdtempSync(join(tmpdir(), "callfire-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("accounts", () => {
  it("gives each credential pair its own data and refuses a known login with another password", async () => {
    const sandbox = await startTestSandbox();
    try {
      const alice = newAccount(sandbox);
      const bob = newAccount(sandbox);
      const [text] = (
        await alice.post<{ items: Text[] }>("/texts", [{ phoneNumber: "12135550100", message: "a" }])
      ).body.items;
      const reply = await alice.post<{ id: number }>("/texts/auto-replys", { message: "hi" });
      expect((await bob.get<Page<Text>>("/texts")).body.totalCount).toBe(0);
      expect((await bob.get(`/texts/${text?.id}`)).status).toBe(404);
      expect((await bob.get(`/texts/auto-replys/${reply.body.id}`)).status).toBe(404);
      expect((await bob.delete(`/texts/auto-replys/${reply.body.id}`)).status).toBe(404);
      expect((await bob.get(`/campaigns/batches/${text?.batchId}`)).status).toBe(404);
      expect((await bob.get<Page<Text>>("/texts", { id: text?.id ?? 0 })).body.totalCount).toBe(0);
      const intruder = await bob.call("GET", "/v2/texts", { authorization: basic(alice.login, "guess") });
      expect(intruder.status).toBe(401);
      expect((await alice.get<Page<Text>>("/texts")).body.totalCount).toBe(1);
    } finally {
      await sandbox.stop();
    }
  });

  it("uses the configured default credentials and seeds that account on first start", async () => {
    const sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
    try {
      expect([sandbox.login, sandbox.password]).toEqual([DEFAULT_LOGIN, DEFAULT_PASSWORD]);
      expect(sandbox.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.apiUrl).toBe(`${sandbox.origin}/v2`);
      const api = new SandboxClient(sandbox.origin, sandbox.login, sandbox.password);
      const broadcasts = (await api.get<Page<TextBroadcast>>("/texts/broadcasts")).body.items;
      expect(broadcasts.map((b) => b.status).sort()).toEqual(["FINISHED", "RUNNING", "SETUP", "STOPPED"]);
      const texts = (await api.get<Page<Text>>("/texts", { limit: 1000 })).body.items;
      expect(new Set(texts.map((t) => t.finalTextResult).filter(Boolean))).toEqual(
        new Set([
          "SENT",
          "DNT",
          "CARRIER_ERROR",
          "CARRIER_TEMP_ERROR",
          "INTERNAL_ERROR",
          "RECEIVED",
          "UNDIALED",
        ]),
      );
      expect(texts.some((t) => t.inbound)).toBe(true);
      expect((await api.get<Page<TextAutoReply>>("/texts/auto-replys")).body.totalCount).toBe(3);
      const spring = broadcasts.find((b) => b.name === "Spring sale");
      expect((await api.get(`/texts/broadcasts/${spring?.id}/stats`)).body).toMatchObject({
        totalOutboundCount: 6,
        sentCount: 3,
        doNotTextCount: 1,
        errorCount: 2,
        remainingOutboundCount: 0,
      });
      expect(
        (await api.call("GET", "/v2/texts", { authorization: basic(DEFAULT_LOGIN, "nope") })).status,
      ).toBe(401);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("persistence", () => {
  it("keeps every account's data across a restart on the same file, without seeding again", async () => {
    const dbPath = join(dir, "nested", "sandbox.sqlite");
    const first = await startSandbox({ dbPath, deliveryIntervalMs: 0, login: "dev", password: "one" });
    const dev = new SandboxClient(first.origin, "dev", "one");
    const other = newAccount(first);
    const seeded = (await dev.get<Page<TextBroadcast>>("/texts/broadcasts")).body.totalCount;
    const created = await dev.post<{ id: number }>(
      "/texts/broadcasts",
      { name: "kept", message: "m" },
      { start: true },
    );
    await other.post("/texts", [{ phoneNumber: "12135550100", message: "other account" }]);
    await first.stop();
    await first.stop();

    const second = await startSandbox({ dbPath, deliveryIntervalMs: 0, login: "dev", password: "two" });
    try {
      const again = new SandboxClient(second.origin, "dev", "two");
      const broadcasts = (await again.get<Page<TextBroadcast>>("/texts/broadcasts")).body;
      expect(broadcasts.totalCount).toBe(seeded + 1);
      expect((await again.get<TextBroadcast>(`/texts/broadcasts/${created.body.id}`)).body).toMatchObject({
        name: "kept",
        status: "RUNNING",
      });
      const otherAgain = new SandboxClient(second.origin, other.login, other.password);
      expect((await otherAgain.get<Page<Text>>("/texts")).body.items.map((t) => t.message)).toEqual([
        "other account",
      ]);
      // The configured password replaces the one stored by the earlier run.
      expect((await again.call("GET", "/v2/texts", { authorization: basic("dev", "one") })).status).toBe(401);
      const next = await again.post<{ id: number }>("/texts/broadcasts", { message: "m" });
      expect(next.body.id).toBeGreaterThan(created.body.id);
    } finally {
      await second.stop();
    }
  });
});
