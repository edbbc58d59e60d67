// Sandbox options from the environment (npm run sandbox, or a server embedding the sandbox).
import type { SandboxOptions } from "./index.js";
import { faultsFromEnv } from "./http/faults.js";

function integer(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  return {
    port: integer(env, "SANDBOX_PORT") ?? 4010,
    host: env.SANDBOX_HOST || undefined,
    dbPath: env.SANDBOX_DB || undefined,
    login: env.SANDBOX_LOGIN || undefined,
    password: env.SANDBOX_PASSWORD || undefined,
    seed:
      env.SANDBOX_SEED === undefined || env.SANDBOX_SEED === "" ? undefined : env.SANDBOX_SEED !== "false",
    deliveryIntervalMs: integer(env, "SANDBOX_DELIVERY_INTERVAL_MS"),
    faults: faultsFromEnv(env),
  };
}
