import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Locale } from "../src/app/i18n.js";
import type { Choice } from "../src/app/service.js";
import type { Archive } from "../src/articles/archive.js";
import type { PageView } from "../src/discord/render.js";

/** What a handler needs: the archive and the member's locale. Nothing of Discord. */
export interface CommandContext {
  archive: Archive;
  locale: Locale;
}

/** Option values by option name, as the member gave them (absent options are undefined). */
export type CommandArgs = Record<string, string | number | undefined>;

export interface CommandReply {
  view: PageView;
  /** 1-based page shown, and how many there are. */
  page: number;
  pages: number;
}

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface BotCommand {
  /** The slash command as registered with Discord (SlashCommandBuilder JSON). */
  definition: CommandDefinition;
  /** Answers with one page of the reply; `page` is 1-based and clamped to the pages there are. */
  execute(context: CommandContext, args: CommandArgs, page: number): CommandReply;
  /** Suggestions for an option with autocomplete, by option name. */
  autocomplete?(context: CommandContext, option: string, typed: string): Choice[];
}

/** Picks one page out of all the pages of a reply. */
export function pick(pages: PageView[], page: number): CommandReply {
  const count = Math.max(1, pages.length);
  const index = Math.min(Math.max(1, Math.trunc(page) || 1), count);
  const view = pages[index - 1] ?? pages[0];
  if (!view) throw new Error("a renderer returned no page");
  return { view, page: index, pages: count };
}

export function stringArg(args: CommandArgs, name: string): string | undefined {
  const value = args[name];
  return value === undefined ? undefined : String(value);
}

export function integerArg(args: CommandArgs, name: string): number | undefined {
  const value = args[name];
  if (value === undefined) return undefined;
  return typeof value === "number" ? value : Number(value);
}
