import type { Locale } from "../app/i18n.js";
import type { Choice } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import { isUserError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { DISCORD_COMMANDS } from "./definitions.js";
import { type CommandArgs, type CommandReply, commandReply } from "./paging.js";
import { articleNamed } from "./question.js";

/**
 * What the Discord handler asks of the archive: a command's reply page, autocomplete choices,
 * an article's title for the question modal. In one process (`npm start`) it is the archive in
 * memory (`localAnswerer`). Under `npm run start:sharded` the shard processes hold no index:
 * each asks the manager process, which holds the one index, over the IPC channel discord.js's
 * ShardingManager opens to every shard (`remoteAnswerer` in the shard, `serveAnswers` in the
 * manager). Every answer is computed by the same code either way; only the transport differs.
 */
export interface Answerer {
  reply(
    command: string,
    locale: Locale,
    args: CommandArgs,
    page?: number,
  ): CommandReply | Promise<CommandReply>;
  autocomplete(command: string, option: string, typed: string): Choice[] | Promise<Choice[]>;
  /** The article's id and title (a question modal's title); throws `article.notFound`. */
  article(id: string): ArticleTitle | Promise<ArticleTitle>;
  /** For the log line at login. */
  describe(): string;
}

export interface ArticleTitle {
  id: string;
  title: string;
}

/** Answers from an archive in this process (`archive` may be a getter, so a reload can swap it). */
export function localAnswerer(archive: () => Archive): Answerer {
  return {
    reply(command, locale, args, page) {
      const definition = DISCORD_COMMANDS.get(command);
      if (!definition) throw new Error(`no command /${command}`);
      return commandReply(definition, archive(), locale, args, page);
    },
    autocomplete(command, option, typed) {
      return (
        DISCORD_COMMANDS.get(command)?.spec.autocomplete?.(
          { archive: archive(), surface: "discord" },
          option,
          typed,
        ) ?? []
      );
    },
    article(id) {
      const article = articleNamed(archive(), id);
      return { id: article.id, title: article.title };
    },
    describe() {
      return `answering ${archive().size} articles`;
    },
  };
}

// -------------------------------------------------------------------------------------------------
// Over the ShardingManager's IPC channel

type Method = "reply" | "autocomplete" | "article";

interface AnswerRequest {
  dubao: "request";
  id: number;
  method: Method;
  params: unknown[];
}

interface AnswerResponse {
  dubao: "response";
  id: number;
  value?: unknown;
  /** A member's error, rebuilt as a UserError in the shard. */
  userError?: { code: string; params: UserError["params"]; hints: UserError["hints"] };
  /** Anything else (a bug): logged with its stack by the manager. */
  error?: string;
}

/** How long a shard waits for the manager's answer before giving up on it. */
const REMOTE_TIMEOUT_MS = 60_000;

/**
 * A shard's answerer: each call is a message to the manager (`process.send`) and its answer the
 * manager's reply. Calls waiting when the channel closes fail (the shard then stops: main.ts).
 */
export function remoteAnswerer(channel: NodeJS.Process = process): Answerer {
  const send = channel.send?.bind(channel);
  if (!send) throw new Error("no IPC channel to the ShardingManager");
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  channel.on("message", (message: unknown) => {
    const response = message as AnswerResponse;
    if (response?.dubao !== "response") return;
    const call = pending.get(response.id);
    if (!call) return;
    pending.delete(response.id);
    clearTimeout(call.timer);
    if (response.userError) {
      const { code, params, hints } = response.userError;
      call.reject(new UserError(code, params, hints));
    } else if (response.error !== undefined) {
      call.reject(new Error(`the manager could not answer: ${response.error}`));
    } else call.resolve(response.value);
  });
  channel.once("disconnect", () => {
    for (const [id, call] of pending) {
      pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new Error("the ShardingManager is gone"));
    }
  });
  const ask = <T>(method: Method, params: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the manager did not answer ${method} within ${REMOTE_TIMEOUT_MS} ms`));
      }, REMOTE_TIMEOUT_MS);
      timer.unref();
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      const request: AnswerRequest = { dubao: "request", id, method, params };
      send(request, undefined, undefined, (error: Error | null) => {
        if (!error) return;
        pending.delete(id);
        clearTimeout(timer);
        reject(error);
      });
    });
  return {
    reply: (command, locale, args, page) =>
      ask<CommandReply>("reply", [command, locale, args, page ?? null]),
    autocomplete: (command, option, typed) =>
      ask<Choice[]>("autocomplete", [command, option, typed]),
    article: (id) => ask<ArticleTitle>("article", [id]),
    describe: () => "answering from the manager's index",
  };
}

/** What the manager needs of a shard: its messages, and a way to answer. */
export interface ShardChannel {
  on(event: "message", listener: (message: unknown) => void): unknown;
  send(message: unknown): Promise<unknown>;
}

/** In the manager: answers a shard's requests from `answerer` (the manager's archive). */
export function serveAnswers(shard: ShardChannel, answerer: Answerer, logger: Logger): void {
  shard.on("message", (message) => {
    const request = message as AnswerRequest;
    if (request?.dubao !== "request") return;
    void (async () => {
      const response: AnswerResponse = { dubao: "response", id: request.id };
      try {
        response.value = await call(answerer, request);
      } catch (error) {
        if (isUserError(error)) {
          response.userError = { code: error.code, params: error.params, hints: error.hints };
        } else {
          logger.error(`Answering a shard's ${request.method} failed`, error);
          response.error = (error as Error)?.message ?? String(error);
        }
      }
      await shard.send(response);
    })().catch((error: unknown) =>
      logger.warn(`Could not send an answer to a shard: ${(error as Error)?.message}`),
    );
  });
}

function call(answerer: Answerer, request: AnswerRequest): unknown {
  const p = request.params;
  switch (request.method) {
    case "reply":
      return answerer.reply(
        p[0] as string,
        p[1] as Locale,
        p[2] as CommandArgs,
        (p[3] as number | null) ?? undefined,
      );
    case "autocomplete":
      return answerer.autocomplete(p[0] as string, p[1] as string, p[2] as string);
    case "article":
      return answerer.article(p[0] as string);
    default:
      throw new Error(`unknown request ${String(request.method)}`);
  }
}
