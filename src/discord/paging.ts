import { randomBytes } from "node:crypto";
import { localLabels, optionsOn, runCommand } from "../../commands/spec.js";
import type { Locale } from "../app/i18n.js";
import type { Archive } from "../articles/archive.js";
import { type CommandDefinition, DISCORD_COMMANDS, type DiscordCommand } from "./definitions.js";
import { DISCORD_MARKUP, type PageView, renderAnswer } from "./render.js";

/**
 * A command's reply a page at a time, and the paging state its buttons carry in their custom ids.
 */

/** Option values by option name, as the member gave them (absent options are undefined). */
export type CommandArgs = Record<string, string | number | undefined>;

export interface CommandReply {
  view: PageView;
  /** 1-based page shown, and how many there are. */
  page: number;
  pages: number;
}

/**
 * One page of a command's reply. A command with a `page` option (/articles) pages its data;
 * the others' answers are rendered whole and split into pages of the message.
 */
export function commandReply(
  command: DiscordCommand,
  archive: Archive,
  locale: Locale,
  args: CommandArgs,
  page?: number,
): CommandReply {
  const pagedByOption = optionsOn(command.spec, "discord").some((option) => option.name === "page");
  const values = pagedByOption && page !== undefined ? { ...args, page } : args;
  const answer = runCommand(
    command.spec,
    { archive, surface: "discord", markup: DISCORD_MARKUP },
    values,
    localLabels(command.spec, locale),
  );
  const views = renderAnswer(answer, locale);
  if (pagedByOption && "pages" in answer) {
    const view = views[0];
    if (!view) throw new Error("a renderer returned no page");
    return { view, page: answer.page, pages: answer.pages };
  }
  const count = Math.max(1, views.length);
  const index = Math.min(Math.max(1, Math.trunc(page ?? 1) || 1), count);
  const view = views[index - 1] ?? views[0];
  if (!view) throw new Error("a renderer returned no page");
  return { view, page: index, pages: count };
}

export interface PageState {
  command: string;
  /** The member who may turn the pages. */
  owner: string;
  /** Epoch milliseconds after which the buttons no longer work. */
  expires: number;
  page: number;
  /** The command's option values, in definition order; undefined when they were forgotten. */
  args: CommandArgs | undefined;
}

const PREFIX = "pg";
const CUSTOM_ID_MAX = 100;

/**
 * Encodes paging state in a button's custom id: `pg;search;<owner36>;<expires36>;<page>;<args>`,
 * the args a JSON array of option values. When the args do not fit in Discord's 100 characters
 * they are kept in memory (bounded) and the id refers to them by key.
 */
export class PageCodec {
  private readonly stored = new Map<string, CommandArgs>();
  private readonly keys = new Map<string, string>();
  constructor(private readonly capacity = 5_000) {}

  encode(
    state: Omit<PageState, "args"> & { args: CommandArgs },
    command: { definition: CommandDefinition },
  ): string {
    const names = (command.definition.options ?? []).map((option) => option.name);
    const values = names.map((name) => state.args[name] ?? null);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    const head = [
      PREFIX,
      state.command,
      BigInt(state.owner).toString(36),
      Math.floor(state.expires / 1000).toString(36),
      String(state.page),
    ].join(";");
    const inline = `${head};${JSON.stringify(values)}`;
    if (inline.length <= CUSTOM_ID_MAX) return inline;
    const key = this.remember(state.args);
    return `${head};#${key}`;
  }

  /** Two ids of one message only differ by page, so both buttons share the stored args. */
  private remember(args: CommandArgs): string {
    const serialized = JSON.stringify(args);
    const known = this.keys.get(serialized);
    if (known) return known;
    const key = randomBytes(6).toString("base64url");
    this.stored.set(key, args);
    this.keys.set(serialized, key);
    if (this.stored.size > this.capacity) {
      const [oldest, value] = this.stored.entries().next().value ?? [];
      if (oldest !== undefined) {
        this.stored.delete(oldest);
        this.keys.delete(JSON.stringify(value));
      }
    }
    return key;
  }

  decode(customId: string): PageState | undefined {
    const parts: string[] = [];
    let rest = customId;
    for (let i = 0; i < 5; i++) {
      const at = rest.indexOf(";");
      if (at < 0) return undefined;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    const [prefix, name, owner36, expires36, pageText] = parts;
    if (prefix !== PREFIX || !name || !owner36 || !expires36 || !pageText) return undefined;
    const command = DISCORD_COMMANDS.get(name);
    const page = Number(pageText);
    if (!command || !Number.isInteger(page) || page < 1) return undefined;
    let owner: string;
    try {
      owner = [...owner36]
        .reduce((value, digit) => value * 36n + BigInt(Number.parseInt(digit, 36)), 0n)
        .toString();
    } catch {
      return undefined;
    }
    const expires = Number.parseInt(expires36, 36) * 1000;
    let args: CommandArgs | undefined;
    if (rest.startsWith("#")) {
      args = this.stored.get(rest.slice(1));
    } else {
      try {
        const values = JSON.parse(rest) as unknown[];
        if (!Array.isArray(values)) return undefined;
        const names = (command.definition.options ?? []).map((option) => option.name);
        args = {};
        values.forEach((value, index) => {
          const key = names[index];
          if (key && (typeof value === "string" || typeof value === "number"))
            (args as CommandArgs)[key] = value;
        });
      } catch {
        return undefined;
      }
    }
    return { command: name, owner, expires, page, args };
  }
}

/**
 * The custom ids of the question button (「就此文提问」) and of the modal it opens: a prefix and
 * the article id (prefixes of one length, so the modal id fits wherever the button id does).
 * Anyone may click; the id carries no owner and does not expire, because the
 * article is looked up again when the question comes.
 */
const ASK_BUTTON_PREFIX = "ask;";
const ASK_MODAL_PREFIX = "asq;";

/** The question button's custom id, or undefined when the article id does not fit in one. */
export function askButtonId(articleId: string): string | undefined {
  const id = `${ASK_BUTTON_PREFIX}${articleId}`;
  return articleId && id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function askModalId(articleId: string): string {
  return `${ASK_MODAL_PREFIX}${articleId}`;
}

/** The article id a question button's custom id names; undefined for any other id. */
export function articleOfAskButton(customId: string): string | undefined {
  return customId.startsWith(ASK_BUTTON_PREFIX)
    ? customId.slice(ASK_BUTTON_PREFIX.length)
    : undefined;
}

/** The article id a question modal's custom id names; undefined for any other id. */
export function articleOfAskModal(customId: string): string | undefined {
  return customId.startsWith(ASK_MODAL_PREFIX)
    ? customId.slice(ASK_MODAL_PREFIX.length)
    : undefined;
}

/** The custom id of the modal's one text input. */
export const ASK_QUESTION_FIELD = "question";
