// Whole-request admission, on the connection queue alone with a mocked clock: a request is admitted with
// its first call or refused as a whole; an admitted request's calls wait their turn, earliest deadline
// first, and are never refused for the line's length; one that can no longer finish in time is shed as a
// whole at once, its reads in flight abandoned.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionQueue, type Release } from "../../datasources/connection-queue.js";
import { RequestDeadline } from "../../datasources/request-deadline.js";
import { errorCode } from "../../src/core/errors.js";

const HOLD_MS = 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Settles what is pending: granted calls resolve, refused ones reject. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** A call's outcome so far: its release once granted, its error code once refused, else "waiting". */
function track(call: Promise<Release>) {
  const state: { release?: Release; code?: string } = {};
  call.then(
    (release) => (state.release = release),
    (error: unknown) => (state.code = errorCode(error)),
  );
  return state;
}

/** A queue that has seen one answered request make `calls` calls, each holding a connection HOLD_MS. */
async function queueThatLearnt(connections: number, calls: number, maxRequests = 100) {
  const queue = new ConnectionQueue({ connections, maxRequests });
  const first = new RequestDeadline(60_000);
  for (let call = 0; call < calls; call++) {
    const release = await queue.acquire(first);
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    release();
  }
  first.abandon("answered");
  return queue;
}

describe("whole-request admission", () => {
  it("admits requests while their expected calls fit in three quarters of the deadline, then refuses new ones whole", async () => {
    // Requests make 4 calls of 1 s on 2 connections: within 7.5 s of a 10 s deadline fit the first three
    // (12 calls: 6 s, plus 1 s for their second phase); a fourth would need 9 s.
    const queue = await queueThatLearnt(2, 4);
    const requests: RequestDeadline[] = [];
    const firsts: ReturnType<typeof track>[] = [];
    for (let request = 0; request < 4; request++) {
      requests.push(new RequestDeadline(10_000));
      firsts.push(track(queue.acquire(requests[request])));
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(firsts.map((call) => call.code ?? (call.release ? "granted" : "waiting"))).toEqual([
      "granted",
      "granted",
      "waiting",
      "OVERLOADED",
    ]);
    // Refused as a whole: its later calls are refused too, even with a connection free.
    expect(requests[3].reason).toBe("shed");
    const later = track(queue.acquire(requests[3]));
    await settle();
    expect(later.code).toBe("OVERLOADED");

    // An admitted request's further calls are never refused for the line's length; they wait, and go
    // ahead of the calls of requests admitted after it (earliest deadline first).
    const seconds = [0, 1, 2].map(() => track(queue.acquire(requests[0])));
    await settle();
    expect(seconds.map((call) => call.code)).toEqual([undefined, undefined, undefined]);
    firsts[1].release!();
    await settle();
    expect(seconds[0].release).toBeDefined();
    expect(firsts[2].release).toBeUndefined();
  });

  it("refuses a new request while CALLFIRE_MAX_REQUESTS admitted requests have calls open", async () => {
    const queue = new ConnectionQueue({ connections: 8, maxRequests: 2 });
    const calls = [0, 1, 2].map(() => track(queue.acquire(new RequestDeadline(10_000))));
    await settle();
    expect(calls.map((call) => call.code)).toEqual([undefined, undefined, "OVERLOADED"]);
    calls[0].release!();
    const next = track(queue.acquire(new RequestDeadline(10_000)));
    await settle();
    expect(next.release).toBeDefined();
  });

  it("sheds an admitted request whole once its call's turn would come too late: waiting calls refused, reads abandoned", async () => {
    const queue = await queueThatLearnt(1, 1);
    const early = new RequestDeadline(20_000);
    const inFlight = track(queue.acquire(early));
    await vi.advanceTimersByTimeAsync(5000);
    const late = new RequestDeadline(4000);
    const lateFirst = track(queue.acquire(late));
    await settle();
    expect(lateFirst.code).toBeUndefined(); // admitted: waits behind the call in flight
    // The call in flight holds on; by the time it ends, too little time is left for the late one's call.
    await vi.advanceTimersByTimeAsync(2500);
    inFlight.release!();
    await settle();
    expect(lateFirst.code).toBe("OVERLOADED");
    expect(late.reason).toBe("shed");
    expect(late.signal.aborted).toBe(true); // its reads in flight, if any, are abandoned with it
  });
});
