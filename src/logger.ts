export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** Writes one line per event to stderr, so that stdout stays free for CLI output. */
export function createLogger(
  level: LogLevel = "info",
  write: (line: string) => void = (line) => {
    process.stderr.write(`${line}\n`);
  },
): Logger {
  const threshold = ORDER[level];
  const emit = (at: Exclude<LogLevel, "silent">, message: string, details: unknown[]) => {
    if (ORDER[at] < threshold) return;
    const extra = details
      .map((detail) =>
        detail instanceof Error
          ? (detail.stack ?? detail.message)
          : typeof detail === "string"
            ? detail
            : JSON.stringify(detail),
      )
      .join(" ");
    write(
      `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${message}${extra ? ` ${extra}` : ""}`,
    );
  };
  return {
    debug: (message, ...details) => emit("debug", message, details),
    info: (message, ...details) => emit("info", message, details),
    warn: (message, ...details) => emit("warn", message, details),
    error: (message, ...details) => emit("error", message, details),
  };
}

/** A logger that keeps its lines, for tests and for reporting. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger("debug", (line) => lines.push(line));
  return Object.assign(logger, { lines });
}

export const silentLogger: Logger = createLogger("silent");
