import { config as loadDotenv } from "dotenv";
import { z } from "zod";

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const ConfigSchema = z.object({
  DISCORD_TOKEN: optional(
    z.string().regex(/^\S{20,}$/, "must be a bot token (at least 20 characters, no spaces)"),
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_BASE: optional(
    z.url({
      protocol: /^https?$/,
      error: "must be an http(s) URL such as http://127.0.0.1:8080/api",
    }),
  ),
  SEEDS_DIR: optional(z.string()).transform((value) => value ?? "seeds"),
  INDEX_CACHE: optional(z.string()),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error", "silent"])).transform(
    (value) => value ?? "info",
  ),
  /** Where the shared corpus tarballs live, for corpus checks and the benchmark (default ../shared/corpus). */
  CORPUS_DIR: optional(z.string()),
  /** An unpacked corpus folder for the benchmark, instead of unpacking a tarball. */
  BENCH_CORPUS: optional(z.string()),
  SHARD_COUNT: optional(
    z.union([z.literal("auto"), z.coerce.number().int().min(1).max(1000)], {
      error: "must be a whole number from 1 to 1000, or auto",
    }),
  ),
  /** Set by discord.js's ShardingManager in the processes it spawns (not a setting of ours). */
  SHARDING_MANAGER: optional(z.string()),
});

export type Config = z.infer<typeof ConfigSchema>;

/** A wrong or missing setting; its message names the variable and never echoes a value. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * For entry points: a ConfigError is the person's to fix, so it prints its message alone (no
 * stack trace) and the process exits 1. Any other error returns, for the caller to report.
 */
export function exitOnConfigError(error: unknown): void {
  if (!(error instanceof ConfigError)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

/**
 * Validates an environment. The messages name the variable and the reason and never echo
 * a value, so a malformed token does not end up in a log.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) =>
      `${issue.path.join(".") || "environment"}: ${issue.message.replace(/, received .*$/, "")}`,
  );
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}

let loaded: Config | undefined;

/** Loads `.env` (if present) into the environment once and validates it. */
export function loadConfig(): Config {
  if (!loaded) {
    loadDotenv({ quiet: true });
    loaded = parseConfig(process.env);
  }
  return loaded;
}

/**
 * The system's locale (LC_ALL, then LC_MESSAGES, then LANG), which only the CLI's help reads to
 * pick its script. It is the operating system's, not a setting of ours, so it is not in the schema
 * and needs no valid configuration: `--help` works before anything else is checked.
 */
export function systemLocale(env: Record<string, string | undefined> = process.env): string {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
}
