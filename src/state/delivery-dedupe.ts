// Remembers which webhook events were already published, so a redelivered event is published once. In
// memory by default; with REDIS_URL the same interface is backed by Redis, so a redelivery reaching
// another replica is caught too.

export interface DeliveryDedupe {
  /** True the first time `key` is claimed within `ttlMs`; false for a repeat. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets a claim whose event could not be published, so a redelivery can try again. */
  release(key: string): Promise<void>;
}

/** At most `maxKeys` are kept; past that the oldest claims are forgotten first. */
export function createMemoryDeliveryDedupe(maxKeys = 100_000, now: () => number = Date.now): DeliveryDedupe {
  const expiries = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const time = now();
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > time) return false;
      expiries.delete(key);
      expiries.set(key, time + ttlMs);
      // Insertion order is claim order: drop expired and, when over the bound, the oldest claims.
      for (const [oldest, oldestExpiry] of expiries) {
        if (oldestExpiry > time && expiries.size <= maxKeys) break;
        expiries.delete(oldest);
      }
      return true;
    },
    async release(key) {
      expiries.delete(key);
    },
  };
}
