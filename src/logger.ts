import { pino } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** Receives each event as one readable line (the console redraws its prompt after it). */
export type LineHook = (line: string) => void;
/** Receives each event as one pino JSON line, newline-terminated. */
export interface JsonDestination {
  write(json: string): void;
}

const LEVEL_NAMES: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

interface PinoEvent {
  level: number;
  time: string;
  msg?: string;
  err?: { stack?: string; message?: string };
  details?: unknown;
}

/** One pino JSON event as `2026-01-02T03:04:05.678Z INFO  message {details} stack`. */
export function formatEvent(json: string): string {
  const event = JSON.parse(json) as PinoEvent;
  const level = (LEVEL_NAMES[event.level] ?? String(event.level)).padEnd(5);
  let line = `${event.time} ${level} ${event.msg ?? ""}`;
  if (event.details !== undefined) line += ` ${JSON.stringify(event.details)}`;
  if (event.err) line += ` ${event.err.stack ?? event.err.message ?? ""}`;
  return line;
}

function lineStream(write: LineHook): JsonDestination {
  return { write: (json) => write(formatEvent(json)) };
}

/** A logger whose events can be rerouted after it was handed out. */
export interface RoutedLogger extends Logger {
  /**
   * From now on, each event goes to `hook` as a readable line (the console, while it owns the
   * terminal, writes it above its prompt and redraws the prompt); `undefined` restores the
   * logger's own output.
   */
  route(hook: LineHook | undefined): void;
}

/**
 * Structured logs through pino, on stderr so that stdout stays free for CLI output:
 * - `output` a function: each event as a readable line (the console's hook, tests' memory);
 * - `output` a stream: pino's JSON lines, as they are;
 * - no `output`: readable lines when stderr is a terminal, JSON lines otherwise (a process
 *   manager or log collector).
 * The message's string details are appended to the message; the first Error goes to `err`
 * (with its stack), any other details to `details`.
 */
export function createLogger(
  level: LogLevel = "info",
  output?: LineHook | JsonDestination,
): RoutedLogger {
  const own =
    typeof output === "function"
      ? lineStream(output)
      : (output ??
        (process.stderr.isTTY
          ? lineStream((line) => process.stderr.write(`${line}\n`))
          : pino.destination({ fd: 2, sync: true })));
  let routed: LineHook | undefined;
  const destination: JsonDestination = {
    write: (json) => (routed ? routed(formatEvent(json)) : own.write(json)),
  };
  const log = pino(
    { level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } },
    destination,
  );
  const emit = (at: Exclude<LogLevel, "silent">, message: string, details: unknown[]) => {
    if (!log.isLevelEnabled(at)) return;
    const words: string[] = [];
    const others: unknown[] = [];
    let err: Error | undefined;
    for (const detail of details) {
      if (typeof detail === "string") words.push(detail);
      else if (detail instanceof Error && !err) err = detail;
      else others.push(detail instanceof Error ? (detail.stack ?? detail.message) : detail);
    }
    const fields: { err?: Error; details?: unknown } = {};
    if (err) fields.err = err;
    if (others.length > 0) fields.details = others.length === 1 ? others[0] : others;
    log[at](fields, words.length > 0 ? `${message} ${words.join(" ")}` : message);
  };
  return {
    debug: (message, ...details) => emit("debug", message, details),
    info: (message, ...details) => emit("info", message, details),
    warn: (message, ...details) => emit("warn", message, details),
    error: (message, ...details) => emit("error", message, details),
    route: (hook) => {
      routed = hook;
    },
  };
}

/** A logger that keeps its lines, for tests and for reporting. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger("debug", (line) => lines.push(line));
  return Object.assign(logger, { lines });
}

export const silentLogger: Logger = createLogger("silent");

export interface ProcessFaultOptions {
  /** Called after an uncaught exception has been logged: shut down, exit non-zero. */
  onUncaughtException(error: unknown): void;
}

/**
 * Logs what would otherwise escape: an unhandled rejection is logged and the process carries
 * on, since it means a promise nobody awaited failed (one answer, one re-index) and the rest
 * of the bot is unaffected. An uncaught exception is logged, then handed to
 * `onUncaughtException`, which is expected to shut down and exit non-zero: it was thrown
 * from a callback outside every handler of ours (interactions, re-indexing and the console
 * catch their own errors), so it comes from a library's internals, typically discord.js's
 * connection, whose state is then unknown (Node's documentation: "it is not safe to resume
 * normal operation"). A bot that looks online but no longer hears its gateway is worse than a
 * restart: shards are respawned by the ShardingManager; a single process by its supervisor
 * (systemd `Restart=on-failure`, a container restart policy), as the README says.
 * Returns a function that removes the handlers.
 */
export function handleProcessFaults(logger: Logger, options: ProcessFaultOptions): () => void {
  const onRejection = (reason: unknown) => {
    logger.error("Unhandled promise rejection (carrying on)", reason);
  };
  let failed = false;
  const onException = (error: unknown) => {
    logger.error("Uncaught exception: shutting down", error);
    // A second one while shutting down must not start another shutdown.
    if (failed) return;
    failed = true;
    options.onUncaughtException(error);
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
