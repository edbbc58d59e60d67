// Collects everything a library prints through console (warnings of normalised caches go there) while
// `body` runs, instead of letting it reach the test output.
import { vi } from "vitest";

const METHODS = ["debug", "error", "info", "log", "warn"] as const;

export async function captureConsole(body: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const spies = METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(`${method}: ${args.map(String).join(" ")}`);
    }),
  );
  try {
    await body();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}
