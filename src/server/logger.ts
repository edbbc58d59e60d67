// The Logger of src/core/logger.ts over pino: JSON lines with `time`, `level` (as a word) and `message`.
// Fields named like a secret are censored at any depth up to four (redact-secrets.ts; pino's own
// redaction of the same paths took over 70 µs per line, a request's log line cost more than its parsing).
import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";
import type { Logger } from "../core/logger.js";
import type { LogLevel } from "./config.js";
import { redactSecrets } from "./redact-secrets.js";

/** Where log lines go: one call per line, without its newline (tests and the bench collect them). */
export type LogSink = (line: string) => void;

function adapt(logger: PinoLogger): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    child: (fields) => adapt(logger.child(redactSecrets(fields))),
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
    formatters: { level: (label: string) => ({ level: label }), log: redactSecrets },
    serializers: { error: pino.stdSerializers.err },
  };
  // Without a sink: pino's synchronous stdout, so the last lines are written before process.exit.
  return adapt(destination ? pino(options, destination) : pino(options));
}
