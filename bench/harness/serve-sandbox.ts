// Child process: a seeded in-memory sandbox on a free 127.0.0.1 port, with no delivery timer so the
// data only changes when a benchmark ticks it.
import { startSandbox } from "../../sandbox/index.js";
import { serveUntilStopped } from "./child-lifecycle.js";
import type { SandboxAccess } from "./sandbox-client.js";

const sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
const ready: SandboxAccess = { origin: sandbox.origin, login: sandbox.login, password: sandbox.password };
serveUntilStopped(ready, () => sandbox.stop());
