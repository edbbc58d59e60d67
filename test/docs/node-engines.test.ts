// The Node version package.json states (and the README repeats) is one every installed package
// supports: `npm ci` prints no EBADENGINE warning on it (docs/clients.md lists the pinned releases).
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("Node engines", () => {
  const stated = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  const lowest = semver.minVersion(stated)!.version;

  it("the README states the same lowest Node version as package.json", () => {
    const [major, minor] = lowest.split(".");
    expect(read("README.md")).toContain(`Node ${major}.${minor} or later`);
  });

  it("every package in package-lock.json supports it", () => {
    const lock = JSON.parse(read("package-lock.json")) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const unsupported = Object.entries(lock.packages)
      .filter(([, entry]) => {
        const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return node !== undefined && !semver.satisfies(lowest, node);
      })
      .map(([path, entry]) => `${path}@${entry.version}`);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
    expect(unsupported).toEqual([]);
  });
});
