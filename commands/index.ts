import { articles } from "./articles.js";
import { ask } from "./ask.js";
import { createHelp } from "./help.js";
import { quotes } from "./quotes.js";
import { search } from "./search.js";
import { source } from "./source.js";
import { summary } from "./summary.js";
import type { BotCommand } from "./types.js";
import { assertValidCommands } from "./validate.js";

/** Every slash command, in the order /help lists them. The runtime and `npm run deploy` share it. */
export const COMMANDS: BotCommand[] = [];
const help = createHelp(() => COMMANDS);
COMMANDS.push(search, summary, quotes, ask, source, articles, help);
assertValidCommands(COMMANDS.map((command) => command.definition));

export const COMMANDS_BY_NAME: ReadonlyMap<string, BotCommand> = new Map(
  COMMANDS.map((command) => [command.definition.name, command]),
);

export type { BotCommand, CommandArgs, CommandContext, CommandReply } from "./types.js";
