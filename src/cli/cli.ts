import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { format } from "../app/i18n.js";
import { Archive } from "../articles/archive.js";
import { loadConfig } from "../config.js";
import { isEntryPoint, reportFatal } from "../entry.js";
import { UserError } from "../errors.js";
import { createLogger } from "../logger.js";
import {
  answerLine,
  cliLocale,
  cliUsage,
  commandWordIndex,
  errorLine,
  globalOptions,
  helpLine,
  splitLine,
} from "./command-line.js";

/**
 * `npm run -s cli -- <command> [words] [--seeds DIR] [--json]`: the same handlers as the bot, for
 * scripts. Without a command it answers one command per line of standard input, and exits
 * non-zero when any line failed.
 */

export interface CliStreams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const PROCESS_STREAMS: CliStreams = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
};

/** Runs the CLI; resolves to the exit code. */
export async function runCli(
  argv: string[],
  streams: CliStreams = PROCESS_STREAMS,
): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const print = (text: string) => streams.stdout.write(`${text}\n`);
  const firstCommand = () => {
    const at = commandWordIndex(argv);
    return at >= 0 ? (argv[at] as string) : null;
  };
  let options: ReturnType<typeof globalOptions>;
  try {
    options = globalOptions(argv);
  } catch (error) {
    print(errorLine(firstCommand(), error, argv.includes("--json")));
    return 2;
  }
  // Help needs no articles: answered before they load (an unknown topic gets the usual error).
  const help = helpLine(argv);
  if (help !== undefined) {
    print(help);
    return 0;
  }
  const root = options.seeds ?? config.SEEDS_DIR;
  let archive: Archive;
  try {
    await stat(root).catch(() => {
      throw new UserError("folder.missing", { folder: resolve(root) });
    });
    archive = await Archive.load({ root, cacheDir: config.INDEX_CACHE, logger });
  } catch (error) {
    print(errorLine(firstCommand(), error, options.json));
    return 1;
  }
  if (commandWordIndex(options.rest) >= 0) {
    const { output, ok } = answerLine(archive, options.rest, options.json, logger);
    print(output);
    return ok ? 0 : 1;
  }
  if (streams.stdin.isTTY) {
    streams.stderr.write(`${cliUsage()}\n${format(cliLocale(), "cli.typeLines")}\n`);
  }
  let failed = 0;
  const lines = createInterface({ input: streams.stdin, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { output, ok } = answerLine(
      archive,
      [...splitLine(line), ...options.rest],
      options.json,
      logger,
    );
    if (!ok) failed++;
    print(output);
  }
  return failed > 0 ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, reportFatal);
}
