// The sandbox's timestamps are the times things happened: a broadcast's lastModified is when it was
// created, then when it last changed (the clock is pinned so the values are exact).
import { afterEach, expect, it, vi } from "vitest";
import type { TextBroadcast } from "../../sandbox/domain/callfire.types.js";
import { newAccount, useTestSandbox } from "./helpers/sandbox-client.js";

const suite = useTestSandbox();
afterEach(() => vi.useRealTimers());

it("sets lastModified to the time of the create, then of each change", async () => {
  const api = newAccount(suite.sandbox);
  const created = Date.parse("2030-01-02T03:04:05.678Z");
  vi.useFakeTimers({ toFake: ["Date"], now: created });
  const { body } = await api.post<{ id: number }>("/texts/broadcasts", { name: "timed" });
  expect((await api.get<TextBroadcast>(`/texts/broadcasts/${body.id}`)).body.lastModified).toBe(created);

  vi.setSystemTime(created + 60_000);
  await api.put(`/texts/broadcasts/${body.id}`, { name: "changed" });
  expect((await api.get<TextBroadcast>(`/texts/broadcasts/${body.id}`)).body.lastModified).toBe(
    created + 60_000,
  );

  vi.setSystemTime(created + 120_000);
  await api.post(`/texts/broadcasts/${body.id}/start`);
  expect((await api.get<TextBroadcast>(`/texts/broadcasts/${body.id}`)).body.lastModified).toBe(
    created + 120_000,
  );
});
