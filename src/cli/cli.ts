import { createInterface } from "node:readline";
import { Archive } from "../articles/archive.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { answerLine, splitLine, USAGE } from "./command-line.js";

/**
 * `npm run -s cli -- <command> [words] [--seeds DIR] [--json]`: the same handlers as the bot, for
 * scripts. Without a command it answers one command per line of standard input.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const json = argv.includes("--json");
  const seedsIndex = argv.indexOf("--seeds");
  const root = seedsIndex >= 0 ? argv[seedsIndex + 1] : config.SEEDS_DIR;
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!root) {
    process.stdout.write(
      `${json ? JSON.stringify({ command: null, error: "--seeds needs a folder" }) : "error: --seeds needs a folder"}\n`,
    );
    return 2;
  }
  const archive = await Archive.load({ root, cacheDir: config.INDEX_CACHE, logger });
  const oneShot = argv.some((arg, i) => !arg.startsWith("-") && argv[i - 1] !== "--seeds");
  if (oneShot) {
    const { output, ok } = answerLine(archive, argv, json, logger);
    process.stdout.write(`${output}\n`);
    return ok ? 0 : 1;
  }
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { output } = answerLine(archive, [...splitLine(line), ...argv], json, logger);
    process.stdout.write(`${output}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
