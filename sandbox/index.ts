// The embedded CallFire sandbox: a stateful CallFire texts API (REST v2) over SQLite, with a delivery
// simulator, inbound texts, auto-replies and fault injection. See sandbox/README.md.
import type { AddressInfo } from "node:net";
import { createApp } from "./http/app.js";
import { FaultController, type FaultSettings } from "./http/faults.js";
import { type SignatureEncoding, WebhookDelivery } from "./http/webhook-delivery.js";
import { DeliverySimulator } from "./domain/delivery-simulator.js";
import { openDatabase } from "./store/database.js";
import { createStore } from "./store/store.js";
import { seedAccount } from "./seed.js";

export type { FaultSettings } from "./http/faults.js";
export type { SignatureEncoding } from "./http/webhook-delivery.js";
export { FAULT_ENV, faultsFromEnv } from "./http/faults.js";
export { MAGIC_NUMBERS } from "./domain/magic-numbers.js";
export { sandboxOptionsFromEnv } from "./sandbox-env.js";

export const DEFAULT_LOGIN = "sandbox";
export const DEFAULT_PASSWORD = "sandbox-password";
export const DEFAULT_DB_PATH = ".data/sandbox.sqlite";
export const DEFAULT_DELIVERY_INTERVAL_MS = 1000;

export interface SandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** ":memory:" or a file path; default ".data/sandbox.sqlite" (its folder is created). */
  dbPath?: string;
  /** The default account's credentials; default "sandbox" / "sandbox-password". */
  login?: string;
  password?: string;
  /** Seed the default account on first start (when it has no data); default true. */
  seed?: boolean;
  /** Delivery simulator period; default 1000 ms. 0 turns the timer off: only POST /sandbox/tick delivers. */
  deliveryIntervalMs?: number;
  /** Initial fault injection. */
  faults?: Partial<FaultSettings>;
  /** How webhook signatures (X-CallFire-Signature) are encoded; default "hex". */
  webhookSignature?: SignatureEncoding;
  /** Where to print; default no-op. */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** origin + "/v2" (what CALLFIRE_API_URL would be). */
  apiUrl: string;
  login: string;
  password: string;
  /** Closes the HTTP server and its open sockets, stops timers, closes the database cleanly. */
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const login = options.login ?? DEFAULT_LOGIN;
  const password = options.password ?? DEFAULT_PASSWORD;
  const log = options.log ?? (() => {});
  const db = openDatabase(options.dbPath ?? DEFAULT_DB_PATH);
  const store = createStore(db);
  const faults = new FaultController(options.faults);
  const webhooks = new WebhookDelivery(store, store.events, options.webhookSignature ?? "hex", log);
  const simulator = new DeliverySimulator(
    store,
    options.deliveryIntervalMs ?? DEFAULT_DELIVERY_INTERVAL_MS,
    log,
  );

  try {
    store.transaction(() => {
      const accountId = store.accounts.idOf(login) ?? store.accounts.insert(login, password, Date.now());
      // The configured password wins over one stored by an earlier run.
      store.accounts.setPassword(login, password);
      if ((options.seed ?? true) && !store.accounts.hasData(accountId))
        seedAccount(store, accountId, Date.now());
    });
  } catch (error) {
    db.close();
    throw error;
  }

  const app = createApp({ store, simulator, faults, log });
  const server = app.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error) => {
      db.close();
      reject(error);
    });
  });
  simulator.start();
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve, reject) => {
      simulator.stop();
      webhooks.stop();
      server.close((error) => {
        db.close();
        if (error === undefined) resolve();
        else reject(error);
      });
      // Keep-alive sockets and requests held by the hang fault would otherwise keep close() waiting.
      server.closeAllConnections();
    });
    return stopping;
  };
  return { origin, apiUrl: `${origin}/v2`, login, password, stop };
}
