import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/cli.js";

/** The CLI in this process, over its own streams. */
async function cli(argv: string[], input = "", tty = false) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  stdin.end(input);
  const code = await runCli(argv, { stdin, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

let empty: string;
beforeAll(() => {
  vi.stubEnv("LOG_LEVEL", "warn");
  empty = mkdtempSync(join(tmpdir(), "dubao-empty-"));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(empty, { recursive: true, force: true });
});

describe("runCli", () => {
  it.each([
    [["articles", "--seeds", "EMPTY", "--json"]],
    [["articles", "--seeds=EMPTY", "--json"]],
    [["--seeds=EMPTY", "--json", "articles"]],
  ])("reads the folder from %j", async (argv) => {
    const { code, stdout } = await cli(argv.map((arg) => arg.replace("EMPTY", empty)));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ command: "articles", total: 0 });
  });

  it("loads the default folder without --seeds", async () => {
    const { stdout } = await cli(["articles", "--json"]);
    expect(JSON.parse(stdout)).toMatchObject({ command: "articles", total: 1 });
  });

  it("answers every line of a batch and exits 1 when one failed", async () => {
    const { code, stdout } = await cli(["--json"], "search 北约\nfrobnicate\n");
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ command: "search", total: 1 });
    expect(lines[1]).toMatchObject({ command: "frobnicate" });
    expect(code).toBe(1);
  });

  it("exits 0 when every line of a batch was answered", async () => {
    const { code } = await cli(["--json"], "search 北约\n\nquotes 谢尔曼\n");
    expect(code).toBe(0);
  });

  it("prints the usage and a prompt when standard input is a terminal", async () => {
    const { stderr, stdout } = await cli([], "", true);
    expect(stderr).toMatch(/^usage: cli <command>/);
    expect(stderr).toMatch(/search <query> \[--limit N\] \[--page N\]/);
    expect(stderr).toMatch(/people \[<prefix>\] \[--limit N\]/);
    expect(stderr).toMatch(/每行输入一条命令/);
    expect(stdout).toBe("");
  });

  it("stays quiet on piped input", async () => {
    const { stderr } = await cli(["--json"], "");
    expect(stderr).toBe("");
  });

  it("--help prints the usage generated from the commands", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const command of ["articles", "source", "search", "summary", "quotes", "people", "ask"]) {
      expect(stdout).toMatch(new RegExp(`^ +${command}\\b`, "m"));
    }
  });
});
