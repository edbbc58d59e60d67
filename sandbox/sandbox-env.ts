// Sandbox options from the environment (npm run sandbox, or a server embedding the sandbox).
import type { SandboxOptions } from "./index.js";
import { faultsFromEnv } from "./http/faults.js";
import type { SignatureEncoding } from "./http/webhook-delivery.js";

function integer(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

function signatureEncoding(env: NodeJS.ProcessEnv): SignatureEncoding | undefined {
  const text = env.SANDBOX_WEBHOOK_SIGNATURE;
  if (text === undefined || text === "") return undefined;
  if (text !== "hex" && text !== "base64")
    throw new Error(`SANDBOX_WEBHOOK_SIGNATURE must be hex or base64, got "${text}"`);
  return text;
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
    webhookSignature: signatureEncoding(env),
  };
}
