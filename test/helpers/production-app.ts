// What `npm ci --omit=dev && npm run build` leaves in a container, made in a temporary folder: the
// compiled application (tsconfig.build.json, as `npm run build` compiles it), package.json, and only the
// packages package-lock.json does not mark as dev-only (hard links into our node_modules, so it is fast).
// A runtime import of a dev dependency fails there just as it would in the image.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { readImageSpec } from "./dockerfile.js";

const repo = resolve(import.meta.dirname, "../..");

export interface ProductionApp {
  dir: string;
  remove(): void;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  }
}

/** The top-level packages an install without dev dependencies has. */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && !entry.dev)
    .map(([path]) => path)
    .filter((path) => !path.slice("node_modules/".length).includes("/node_modules/"));
}

export function buildProductionApp(): ProductionApp {
  const dir = mkdtempSync(join(tmpdir(), "callfire-graph-prod-"));
  run(
    process.execPath,
    [
      join(repo, "node_modules/typescript/bin/tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      join(dir, "dist"),
    ],
    repo,
  );
  copyFileSync(join(repo, "package.json"), join(dir, "package.json"));
  for (const path of productionPackages()) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    run("cp", ["-al", join(repo, path), join(dir, path)], repo);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The "callfire-graph is up" log line. */
export interface StartupLine {
  graphql: string;
  ready: string;
  health: string;
  upstream: string;
}

export interface ProductionProcess {
  child: ChildProcess;
  up: Promise<StartupLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every JSON log line so far. */
  lines: Record<string, unknown>[];
  /** Everything written to stderr. */
  stderr(): string;
}

/** The uid of the image's USER: the node image's "node" user is 1000. */
const IMAGE_USERS: Record<string, number> = { node: 1000 };

/**
 * The image's own CMD, ENV and USER (as that user when the tests run as root; the app's files are made
 * readable to it), or `npm run start:prod` as many Dockerfiles run it. Tests bind 127.0.0.1 and port 0.
 */
export function startProduction(
  app: ProductionApp,
  how: "npm" | "image",
  env: Record<string, string>,
): ProductionProcess {
  const image = readImageSpec();
  const [command, ...args] = how === "npm" ? ["npm", "run", "--silent", "start:prod"] : image.cmd;
  const uid = IMAGE_USERS[image.user];
  const asImageUser = how === "image" && uid !== undefined && process.getuid?.() === 0;
  if (asImageUser) chmodSync(app.dir, 0o755);
  const child = spawn(command!, args, {
    cwd: app.dir,
    // Only what a container has: no NODE_OPTIONS or vitest variables from this process.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: app.dir,
      ...(how === "image" ? image.env : {}),
      HOST: "127.0.0.1",
      PORT: "0",
      ...env,
    },
    ...(asImageUser ? { uid, gid: uid } : {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  const up = new Promise<StartupLine>((done, fail) => {
    const timer = setTimeout(() => fail(new Error("no start-up line within 45 s")), 45_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (entry.message === "callfire-graph is up") {
        clearTimeout(timer);
        done(entry as unknown as StartupLine);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`exited early with ${code}: ${stderr}`));
    });
  });
  return { child, up, exited, lines, stderr: () => stderr };
}
