import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("applies defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config.SEEDS_DIR).toBe("seeds");
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it("treats empty values as unset, as .env.example leaves them", () => {
    const config = parseConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: " ", INDEX_CACHE: "" });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.INDEX_CACHE).toBeUndefined();
  });

  it("accepts a complete, valid environment", () => {
    const config = parseConfig({
      DISCORD_TOKEN: "MTA1.fake-token-for-tests.abcdefghijkl",
      DISCORD_CLIENT_ID: "123456789012345678",
      DISCORD_GUILD_ID: "876543210987654321",
      DISCORD_API_BASE: "http://127.0.0.1:8080/api",
      SEEDS_DIR: "articles",
      INDEX_CACHE: ".cache",
      LOG_LEVEL: "debug",
      SHARD_COUNT: "2",
    });
    expect(config.DISCORD_API_BASE).toBe("http://127.0.0.1:8080/api");
    expect(config.SHARD_COUNT).toBe(2);
    expect(config.LOG_LEVEL).toBe("debug");
  });

  it.each([
    ["DISCORD_CLIENT_ID", "abc", "Discord id"],
    ["DISCORD_GUILD_ID", "12345", "Discord id"],
    ["DISCORD_API_BASE", "not a url", "http(s) URL"],
    ["DISCORD_API_BASE", "ftp://example.com/api", "http(s) URL"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL"],
    ["SHARD_COUNT", "0", "SHARD_COUNT"],
    ["SHARD_COUNT", "zero", "whole number from 1 to 1000, or auto"],
    ["SHARD_COUNT", "0", "whole number from 1 to 1000, or auto"],
  ])("names %s when it is %j", (name, value, expected) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(
      new RegExp(`${name}:.*${expected.replace(/[()]/g, "\\$&")}|${name}`),
    );
  });

  it("reports a bad token by name without echoing it", () => {
    const secret = "short secret";
    let message = "";
    try {
      parseConfig({ DISCORD_TOKEN: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DISCORD_TOKEN");
    expect(message).not.toContain(secret);
  });

  it("lists every bad variable at once", () => {
    expect(() => parseConfig({ DISCORD_CLIENT_ID: "x", LOG_LEVEL: "loud" })).toThrow(
      /DISCORD_CLIENT_ID[\s\S]*LOG_LEVEL/,
    );
  });
});

describe("a bad setting at start-up", () => {
  const run = promisify(execFile);
  const start = (script: string, env: Record<string, string>) =>
    run(process.execPath, ["--import", "tsx", script], {
      env: { PATH: process.env.PATH ?? "", SEEDS_DIR: "seeds", ...env },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );

  it.each([
    ["src/main.ts", { LOG_LEVEL: "loud" }, /^Invalid configuration:\n {2}LOG_LEVEL: .+\n$/],
    [
      "src/discord/sharded.ts",
      { SHARD_COUNT: "zero" },
      /^Invalid configuration:\n {2}SHARD_COUNT: must be a whole number from 1 to 1000, or auto\n$/,
    ],
    ["src/discord/deploy.ts", {}, /^DISCORD_TOKEN is not set: .+\n$/],
    ["src/cli/cli.ts", { LOG_LEVEL: "loud" }, /^Invalid configuration:\n {2}LOG_LEVEL: .+\n$/],
  ])(
    "%s with %j prints the message only and exits 1",
    async (script, env, expected) => {
      const { code, stderr } = await start(script, env);
      expect(code).toBe(1);
      expect(stderr).toMatch(expected);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});

describe("what the README, .env.example and package.json promise", () => {
  const readme = readFileSync("README.md", "utf8");
  const example = readFileSync(".env.example", "utf8");

  it("documents every setting in the README and .env.example", () => {
    for (const name of Object.keys(parseConfig({}))
      .concat(["DISCORD_TOKEN", "DISCORD_CLIENT_ID", "DISCORD_GUILD_ID", "DISCORD_API_BASE"])
      .concat(["INDEX_CACHE", "CORPUS_DIR", "BENCH_CORPUS", "SHARD_COUNT"])) {
      expect(readme, name).toContain(`| \`${name}\` |`);
      expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
    }
  });

  it("does not call DISCORD_CLIENT_ID needed: deploy reads the id from the token", () => {
    const row = readme.split("\n").find((line) => line.startsWith("| `DISCORD_CLIENT_ID` |"));
    expect(row).toMatch(/optional/);
    expect(readme).not.toMatch(/fill in `DISCORD_TOKEN` and\s+`DISCORD_CLIENT_ID`/);
    expect(example).not.toMatch(/needed by `npm run deploy`/);
  });

  it("documents people --limit", () => {
    expect(readme).toMatch(/\| `people \[prefix\] \[--limit N\]` \|/);
  });

  /** The lowest version each alternative of a range allows, and whether a version satisfies it. */
  const alternatives = (range: string) =>
    range.split("||").map((part) => {
      const match = /(\^|>=)\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part.trim());
      if (!match) throw new Error(`unread range ${range}`);
      const min = [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
      return { min, belowMajor: match[1] === "^" ? (min[0] as number) + 1 : Infinity };
    });
  const compare = (a: number[], b: number[]) =>
    (a[0] as number) - (b[0] as number) ||
    (a[1] as number) - (b[1] as number) ||
    (a[2] as number) - (b[2] as number);
  const satisfies = (version: number[], range: string) =>
    alternatives(range).some(
      ({ min, belowMajor }) => compare(version, min) >= 0 && (version[0] as number) < belowMajor,
    );

  it("states a Node.js minimum every installed package accepts", () => {
    const ours = JSON.parse(readFileSync("package.json", "utf8")).engines.node as string;
    const lowest = alternatives(ours).map(({ min }) => min);
    const packages = readdirSync("node_modules").flatMap((name) =>
      name.startsWith("@")
        ? readdirSync(join("node_modules", name)).map((inner) => join(name, inner))
        : name.startsWith(".")
          ? []
          : [name],
    );
    let checked = 0;
    for (const name of packages) {
      let manifest: { engines?: { node?: string } };
      try {
        manifest = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
      } catch {
        continue;
      }
      const range = manifest.engines?.node;
      if (!range || range === "*") continue;
      checked++;
      for (const version of lowest) {
        expect(satisfies(version, range), `${name} needs node ${range}; ${version.join(".")}`).toBe(
          true,
        );
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(readme).toContain(`Node.js ${lowest[0]?.slice(0, 2).join(".")} or later`);
  });

  it("npm run bench without a corpus says how to get one and exits non-zero", async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ["--import", "tsx", "bench/run.ts"], {
      env: { PATH: process.env.PATH ?? "", CORPUS_DIR: "/nonexistent-corpus" },
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/To get one: .*epoch-news-2022-01\.tar\.zst/);
  }, 60_000);
});
