import { execFile } from "node:child_process";
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
