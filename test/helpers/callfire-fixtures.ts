// Reads a CallFire JSON fixture from test/fixtures/callfire (the project's own copy), e.g.
// callfireFixture<Dto.Text>("texts/getText.response.json"), parsed fresh each time so a test may change it.
// The type is the caller's claim about the file.
import { readFileSync } from "node:fs";

const FIXTURES = new URL("../fixtures/callfire/", import.meta.url);

export function callfireFixture<T extends object = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), "utf8")) as T;
}
