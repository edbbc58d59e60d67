// The Logger of src/core/logger.ts over pino: JSON lines with `time`, `level` (as a word) and `message`.
// pino redacts fields named like a secret at any depth up to four, so a credential that reaches a log
// call by mistake still never reaches the log.
import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";
import type { Logger } from "../core/logger.js";
import type { LogLevel } from "./config.js";

/** Where log lines go: one call per line, without its newline (tests and the bench collect them). */
export type LogSink = (line: string) => void;

const SECRET_KEYS = ["authorization", "Authorization", "password", "secret", "token", "credentials"];
const MAX_DEPTH = 4;

/** `password`, `*.password`, `*.*.password`, … for every secret-looking key. */
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => [...Array<string>(depth).fill("*"), key].join(".")),
);

function adapt(logger: PinoLogger): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    child: (fields) => adapt(logger.child(fields)),
  };
}

export function createLogger(level: LogLevel, sink?: LogSink): Logger {
  const destination: DestinationStream | undefined = sink && {
    write: (chunk: string) => sink(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk),
  };
  const options = {
    level,
    messageKey: "message",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { error: pino.stdSerializers.err },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  // Without a sink: pino's synchronous stdout, so the last lines are written before process.exit.
  return adapt(destination ? pino(options, destination) : pino(options));
}
