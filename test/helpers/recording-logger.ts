// A Logger for tests that keeps every line, fields unredacted, so a test can assert what was logged and,
// just as much, what never was (a password, say).
import type { Logger } from "../../src/core/logger.js";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
  /** Every line as one string (bigints as digits, errors with their message), for "never contains" checks. */
  text(): string;
}

export function createRecordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const make = (bound: Record<string, unknown>): Logger => {
    const write = (level: LogLine["level"]) => (message: string, fields?: Record<string, unknown>) => {
      lines.push({ level, message, fields: { ...bound, ...fields } });
    };
    return {
      debug: write("debug"),
      info: write("info"),
      warn: write("warn"),
      error: write("error"),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return {
    ...make({}),
    lines,
    text: () =>
      JSON.stringify(lines, (_key, value: unknown) => {
        if (typeof value === "bigint") return value.toString();
        if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
        return value;
      }),
  };
}
