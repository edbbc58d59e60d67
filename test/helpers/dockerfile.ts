// What the image runs, read from the Dockerfile's last stage: its ENV, USER, CMD and HEALTHCHECK. No
// Docker engine runs where the tests run, so the tests run exactly these outside a container.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface ImageSpec {
  env: Record<string, string>;
  user: string;
  cmd: string[];
  healthcheck: string[];
}

export function readImageSpec(): ImageSpec {
  const text = readFileSync(resolve(import.meta.dirname, "../../Dockerfile"), "utf8");
  const instructions = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const lastStage = instructions.slice(instructions.findLastIndex((line) => line.startsWith("FROM ")));
  const spec: ImageSpec = { env: {}, user: "root", cmd: [], healthcheck: [] };
  for (const line of lastStage) {
    const [instruction, rest = ""] = line.split(/\s+(.*)/s);
    if (instruction === "ENV") {
      for (const [, name, value] of rest.matchAll(/(\w+)=(\S+)/g)) spec.env[name!] = value!;
    } else if (instruction === "USER") {
      spec.user = rest;
    } else if (instruction === "CMD") {
      spec.cmd = JSON.parse(rest) as string[];
    } else if (instruction === "HEALTHCHECK") {
      spec.healthcheck = JSON.parse(rest.slice(rest.indexOf("CMD ") + 4)) as string[];
    }
  }
  return spec;
}
