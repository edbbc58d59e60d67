// Writes the results files formatted with the project's Prettier config, so a fresh run keeps
// `npm run check:format` green without a manual `prettier --write`.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";

export async function writeFormatted(url: URL, text: string): Promise<void> {
  const filepath = fileURLToPath(url);
  const formatted = await format(text, { ...(await resolveConfig(filepath)), filepath });
  mkdirSync(new URL(".", url), { recursive: true });
  writeFileSync(url, formatted);
}
