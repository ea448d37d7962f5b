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
    expect(stderr).toMatch(/^用法：cli <命令>.*\nusage: cli <command>/);
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

  it.each([
    // Chinese first, the English on the line below it, lined up.
    [["--help"], /^用法：cli <命令>.*\nusage: cli <command>/],
    [
      ["--help"],
      /^ {2}search <query> .+ {2}在文章中搜索词语.*\n {4,}Search the articles for words/m,
    ],
    [["--help"], /^选项写作 .*\nOptions take /m],
    [["help", "search"], /^search <query> \[--limit N\] \[--page N\]\n在文章中搜索词语/],
    [
      ["help", "search"],
      /--limit {2}最多显示多少篇（1–200，默认 10）\n {4,}How many articles at most/,
    ],
    [["search", "--help"], /^search <query>.*\n.*\nSearch the articles/],
    [["help", "搜索"], /^search <query>/],
    [["help", "/quotes"], /<person> +人名的任一写法.*（必填）\n +Any spelling.* \(required\)/],
  ])("%j prints Chinese help with the English beside it", async (argv, expected) => {
    const { code, stdout } = await cli([...argv, "--seeds", empty]);
    expect(code).toBe(0);
    expect(stdout).toMatch(expected);
  });

  it("takes traditional Chinese from a Taiwan locale", async () => {
    vi.stubEnv("LANG", "zh_TW.UTF-8");
    const { stdout } = await cli(["--help"]);
    vi.stubEnv("LANG", "C.UTF-8");
    expect(stdout).toMatch(/^用法：cli <指令>.*\nusage: cli <command>/);
    expect(stdout).toMatch(/在文章中搜尋詞語/);
  });

  it("answers and fails in traditional Chinese under a Taiwan locale, quoting the articles as written", async () => {
    vi.stubEnv("LANG", "zh_TW.UTF-8");
    const found = await cli(["quotes", "谢尔曼"]);
    const missing = await cli(["quotes", "不存在的人"]);
    vi.stubEnv("LANG", "C.UTF-8");
    expect(found.stdout).toMatch(/^谢尔曼（.*），共 5 則引語：/);
    expect(found.stdout).toContain("我们进行了严肃");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^error: 沒有找到 不存在的人 的引語。/);
  });

  it("help for a command that does not exist says so, with the near miss", async () => {
    const { code, stdout } = await cli(["help", "serch", "--seeds", empty]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error: 不认识命令 serch。.*你是不是要找 help search？/);
  });
});
