// The operations in examples/, read as a frontend team would copy them: one operation per file, the
// file named after the operation in kebab-case (BroadcastDashboard → broadcast-dashboard.graphql).
import { readdirSync, readFileSync } from "node:fs";

const EXAMPLES = new URL("../../examples/", import.meta.url);

export const exampleFiles: readonly string[] = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith(".graphql"))
  .sort();

/** The examples a client sends over HTTP: every one but the subscriptions (those go over WebSocket). */
export const httpExampleFiles: readonly string[] = exampleFiles.filter(
  (file) => !/^\s*subscription\b/m.test(readFileSync(new URL(file, EXAMPLES), "utf8")),
);

export function exampleFileName(operationName: string): string {
  return `${operationName.replace(/(?<!^)(?=[A-Z])/g, "-").toLowerCase()}.graphql`;
}

export function exampleSource(operationName: string): string {
  return readFileSync(new URL(exampleFileName(operationName), EXAMPLES), "utf8");
}
