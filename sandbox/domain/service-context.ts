// What every domain operation works with: the store, the clock, and the account it acts for.
import type { Store } from "../store/store.js";

export interface ServiceContext {
  store: Store;
  /** Unix ms; the seed moves it into the past so seeded data has realistic times. */
  now: () => number;
  accountId: number;
}
