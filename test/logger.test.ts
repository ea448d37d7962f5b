import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createLogger, createMemoryLogger, formatEvent } from "../src/logger.js";

const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /;

describe("createLogger", () => {
  it("writes readable lines to a hook, above its level only", () => {
    const lines: string[] = [];
    const logger = createLogger("info", (line) => lines.push(line));
    logger.debug("hidden");
    logger.info("Parsed 1/1 files (100%)");
    logger.warn("Watching seeds failed:", "EMFILE");
    logger.error("Shutdown failed", new Error("socket hang up"));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(STAMP);
    expect(lines[0]).toMatch(/ INFO {2}Parsed 1\/1 files \(100%\)$/);
    expect(lines[1]).toMatch(/ WARN {2}Watching seeds failed: EMFILE$/);
    expect(lines[2]).toMatch(/ ERROR Shutdown failed Error: socket hang up\n\s+at /);
  });

  it("writes pino JSON events to a stream: level, time, message, error and details as fields", () => {
    const events: string[] = [];
    const logger = createLogger("debug", { write: (json) => events.push(json) });
    logger.debug("duplicate n1", { kept: "b/n1.md" });
    logger.error("Interaction failed", new TypeError("boom"), { id: "123" });
    const [first, second] = events.map((json) => JSON.parse(json));
    expect(first).toMatchObject({ level: 20, msg: "duplicate n1", details: { kept: "b/n1.md" } });
    expect(first.pid).toBe(process.pid);
    expect(Date.parse(first.time)).not.toBeNaN();
    expect(second).toMatchObject({ level: 50, msg: "Interaction failed", details: { id: "123" } });
    expect(second.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(second.err.stack).toMatch(/TypeError: boom\n\s+at /);
    expect(events.every((json) => json.endsWith("\n"))).toBe(true);
  });

  it("formats a JSON event as the readable line", () => {
    expect(
      formatEvent(
        '{"level":40,"time":"2026-01-02T03:04:05.678Z","pid":1,"msg":"slow","details":[1,2]}',
      ),
    ).toBe("2026-01-02T03:04:05.678Z WARN  slow [1,2]");
  });

  it("reroutes its events to a line hook and back (the console redraws its prompt)", () => {
    const events: string[] = [];
    const shown: string[] = [];
    const logger = createLogger("info", { write: (json) => events.push(json) });
    logger.info("before");
    logger.route((line) => shown.push(line));
    logger.info("Re-indexed 1 changed file");
    logger.debug("below the level");
    logger.route(undefined);
    logger.info("after");
    expect(events.map((json) => JSON.parse(json).msg)).toEqual(["before", "after"]);
    expect(shown).toEqual([expect.stringMatching(/ INFO {2}Re-indexed 1 changed file$/)]);
  });

  it("keeps nothing below silent, everything in memory", () => {
    const lines: string[] = [];
    const silent = createLogger("silent", (line) => lines.push(line));
    silent.error("lost");
    expect(lines).toEqual([]);
    const memory = createMemoryLogger();
    memory.debug("kept");
    expect(memory.lines).toEqual([expect.stringMatching(/ DEBUG kept$/)]);
  });
});

describe("handleProcessFaults", () => {
  // In a child process: the test runner has handlers of its own for both events.
  const script = `
    import { createLogger, handleProcessFaults } from "./src/logger.ts";
    const logger = createLogger("info", (line) => process.stdout.write(line + "\\n"));
    handleProcessFaults(logger, {
      onUncaughtException: () => {
        process.stdout.write("shutting down\\n");
        setTimeout(() => process.exit(3), 10);
      },
    });
    Promise.reject(new Error("a promise nobody awaited"));
    setTimeout(() => {
      process.stdout.write("still answering\\n");
      setTimeout(() => { throw new RangeError("thrown from a callback"); }, 10);
      setTimeout(() => { throw new RangeError("a second one"); }, 11);
    }, 50);
  `;

  it("logs an unhandled rejection and carries on; logs an uncaught exception and shuts down once", () => {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { encoding: "utf8", timeout: 30_000 },
    );
    const out = child.stdout;
    expect(out).toMatch(
      / ERROR Unhandled promise rejection \(carrying on\) Error: a promise nobody awaited\n\s+at /,
    );
    expect(out.indexOf("still answering")).toBeGreaterThan(out.indexOf("Unhandled promise"));
    expect(out).toMatch(
      / ERROR Uncaught exception: shutting down RangeError: thrown from a callback/,
    );
    expect(out.match(/^shutting down$/gm)).toHaveLength(1);
    expect(child.status).toBe(3);
  });
});
