import {
  ActionRowBuilder,
  type AutocompleteInteraction,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  ComponentType,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageActionRowComponentBuilder,
  MessageFlags,
  type ModalSubmitInteraction,
  type WebSocketOptions,
} from "discord.js";
import { format, type Locale, pickLocale } from "../app/i18n.js";
import type { Config } from "../config.js";
import { describeError, isUserError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Answerer } from "./answerer.js";
import { type Backoff, discordHost, untilReachable } from "./connect.js";
import { DISCORD_COMMANDS, type DiscordCommand } from "./definitions.js";
import {
  articleOfAskButton,
  articleOfAskModal,
  type CommandArgs,
  type CommandReply,
  PageCodec,
} from "./paging.js";
import { askButtons, questionModal, questionOf } from "./question.js";
import { clipUnits, escapeTyped } from "./render.js";

/**
 * The Discord runtime: one discord.js Client (Guilds intent only), slash commands answered from
 * the archive, paging buttons, autocomplete. Every interaction is acknowledged within Discord's
 * 3-second window (deferring when the work ahead of it might not fit), every reply parses no
 * mentions, and every failure reaches the member as a short ephemeral message.
 */

export interface BotOptions {
  /** When to defer: "auto" (when the queue ahead might not fit the window), always, or never. */
  defer?: "auto" | "always" | "never";
  /** How long paging buttons work (default 10 minutes). */
  pageTtlMs?: number;
  /** The clock (tests move it to expire buttons). */
  now?: () => number;
  /** discord.js `ws` options, e.g. a no-op `buildIdentifyThrottler` in tests. */
  ws?: WebSocketOptions;
  /** Extra discord.js client options (shards, …). */
  client?: Partial<ClientOptions>;
  /** The waits between log-in attempts while Discord cannot be reached. */
  reconnect?: Backoff;
}

/** Where an answer must be acknowledged by: well inside Discord's 3 s, leaving room for the network. */
const ACK_BUDGET_MS = 1_000;
/** If an interaction is still unacknowledged this long after it arrived, defer it anyway. */
const WATCHDOG_MS = 2_000;
const DEFAULT_PAGE_TTL_MS = 10 * 60_000;
const NO_MENTIONS = { parse: [] } as const;
/** Discord's limit on a message's content. */
const MESSAGE_CONTENT = 2000;

export interface Bot {
  client: Client;
  /** Logs in (DISCORD_TOKEN) and resolves once every shard is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the client and its handlers around what answers: `localAnswerer(() => archive)` in this
 * process, or a shard asking its ShardingManager (`remoteAnswerer`, src/discord/answerer.ts).
 */
export function createBot(
  answerer: Answerer,
  config: Config,
  logger: Logger,
  options: BotOptions = {},
): Bot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { ...NO_MENTIONS },
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
    ...(options.ws ? { ws: options.ws } : {}),
    // One process, as many shards as Discord recommends; under a ShardingManager, its shard ids.
    ...(config.SHARDING_MANAGER ? {} : { shards: "auto" as const }),
    ...options.client,
  });
  const handler = new InteractionHandler(answerer, logger, options);
  client.on(Events.InteractionCreate, (interaction) => {
    void handler.handle(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    const shards = ready.ws.shards.map((shard) => shard.id).join(",");
    logger.info(`Logged in as ${ready.user.tag} (shards ${shards}); ${answerer.describe()}`);
  });
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn(`Shard ${shard} disconnected (${event.code})`),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info(`Shard ${shard} reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info(`Shard ${shard} resumed (${replayed} events replayed)`),
  );
  client.on(Events.ShardError, (error, shard) =>
    logger.warn(`Shard ${shard} error: ${error.message}`),
  );
  client.on(Events.Error, (error) => logger.error("Client error", error));
  const stopping = new AbortController();
  return {
    client,
    async start() {
      const token = config.DISCORD_TOKEN;
      if (!token) throw new Error("DISCORD_TOKEN is not set");
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      // Without network: say so and try again (with backoff) rather than die. Stopped while
      // waiting, start() returns without logging in.
      try {
        await untilReachable("log in", () => client.login(token), {
          logger,
          host: discordHost(config.DISCORD_API_BASE),
          signal: stopping.signal,
          ...(options.reconnect ? { backoff: options.reconnect } : {}),
        });
      } catch (error) {
        if (stopping.signal.aborted) return;
        throw error;
      }
      await ready;
    },
    async stop() {
      stopping.abort();
      handler.stop();
      await client.destroy();
    },
  };
}

// -------------------------------------------------------------------------------------------------
// Acknowledging interactions

type Acknowledgeable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * One interaction's answer, whatever happened before: it replies, updates or edits after a
 * deferral, and sends errors ephemerally. Operations run one after another.
 */
class Responder {
  private state: "none" | "deferred" | "done" = "none";
  private chain: Promise<unknown> = Promise.resolve();
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    readonly interaction: Acknowledgeable,
    private readonly logger: Logger,
    /** Answers only the member sees (a question asked through the modal). */
    private readonly ephemeral = false,
  ) {
    const age = Math.max(0, Date.now() - interaction.createdTimestamp);
    this.watchdog = setTimeout(
      () => {
        if (this.state === "none") void this.defer().catch(() => {});
      },
      Math.max(100, WATCHDOG_MS - Math.min(age, 60_000)),
    );
    this.watchdog.unref();
  }

  get acknowledged(): boolean {
    return this.state !== "none";
  }

  private run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step, step);
    this.chain = next.catch(() => {});
    return next;
  }

  defer(): Promise<void> {
    return this.run(async () => {
      if (this.state !== "none") return;
      clearTimeout(this.watchdog);
      if (this.interaction.isButton()) await this.interaction.deferUpdate();
      else
        await this.interaction.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      this.state = "deferred";
    });
  }

  send(message: InteractionReplyOptions & InteractionEditReplyOptions): Promise<void> {
    return this.run(async () => {
      clearTimeout(this.watchdog);
      // The state changes only once Discord took the message, so a failed first reply (a message
      // Discord rejects, say) still leaves the error path a way to answer.
      if (this.state === "none") {
        if (this.interaction.isButton()) {
          await this.interaction.update(message as Parameters<ButtonInteraction["update"]>[0]);
        } else {
          await this.interaction.reply({
            ...(message as InteractionReplyOptions),
            ...(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
          } as InteractionReplyOptions);
        }
      } else {
        await this.interaction.editReply(message as InteractionEditReplyOptions);
      }
      this.state = "done";
    });
  }

  /** Opens a modal: the first and only acknowledgement of a button. */
  showModal(modal: Parameters<ButtonInteraction["showModal"]>[0]): Promise<void> {
    return this.run(async () => {
      clearTimeout(this.watchdog);
      if (!this.interaction.isButton()) throw new Error("only a button opens a modal here");
      await this.interaction.showModal(modal);
      this.state = "done";
    });
  }

  /** A short message only the member sees. */
  sendEphemeral(content: string): Promise<void> {
    return this.run(async () => {
      clearTimeout(this.watchdog);
      const previous = this.state;
      const body = {
        content,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { ...NO_MENTIONS },
      } as const;
      if (previous === "none") {
        await this.interaction.reply(body);
      } else {
        if (previous === "deferred" && !this.interaction.isButton()) {
          // A deferred reply is public; drop it so the error is seen by the member only.
          await this.interaction.deleteReply().catch((error: unknown) => {
            this.logger.debug(`Could not delete a deferred reply: ${(error as Error).message}`);
          });
        }
        await this.interaction.followUp(body);
      }
      this.state = "done";
    });
  }

  close(): void {
    clearTimeout(this.watchdog);
  }
}

// -------------------------------------------------------------------------------------------------
// The handler

class InteractionHandler {
  private readonly codec = new PageCodec();
  /** Typical cost of each command in ms (moving average), to predict whether to defer. */
  private readonly cost = new Map<string, number>();
  /** Predicted work (ms) of interactions running synchronously ahead of their acknowledgement. */
  private backlog = 0;
  private readonly now: () => number;
  private readonly pageTtl: number;
  private stopped = false;

  constructor(
    private readonly answerer: Answerer,
    private readonly logger: Logger,
    private readonly options: BotOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.pageTtl = options.pageTtlMs ?? DEFAULT_PAGE_TTL_MS;
  }

  stop(): void {
    this.stopped = true;
  }

  async handle(interaction: Interaction): Promise<void> {
    if (this.stopped) return;
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await this.command(interaction);
      else if (interaction.isButton()) await this.button(interaction);
      else if (interaction.isModalSubmit()) await this.modalSubmit(interaction);
      else this.logger.debug(`Ignored interaction of type ${interaction.type}`);
    } catch (error) {
      // Only reached when even the error reply failed (network, expired token).
      this.logger.error(`Could not answer interaction ${interaction.id}`, error);
    } finally {
      this.logger.debug(
        `Interaction ${interaction.id} (${describeInteraction(interaction)}) handled in ${Math.round(performance.now() - started)} ms`,
      );
    }
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: Array<{ name: string; value: string }> = [];
    try {
      const command = DISCORD_COMMANDS.get(interaction.commandName);
      const focused = interaction.options.getFocused(true);
      choices = command?.spec.autocomplete
        ? await this.answerer.autocomplete(
            command.spec.name,
            focused.name,
            String(focused.value ?? ""),
          )
        : [];
    } catch (error) {
      if (!isUserError(error))
        this.logger.error(`Autocomplete for /${interaction.commandName} failed`, error);
    }
    await interaction.respond(choices.slice(0, 25));
  }

  private shouldDefer(name: string, createdTimestamp: number): boolean {
    const mode = this.options.defer ?? "auto";
    if (mode !== "auto") return mode === "always";
    const age = Math.min(Math.max(0, Date.now() - createdTimestamp), 10_000);
    return age + this.backlog + this.predict(name) > ACK_BUDGET_MS;
  }

  private predict(name: string): number {
    return this.cost.get(name) ?? 50;
  }

  /** Runs the command's work, tracking its cost and the backlog it adds before its answer. */
  private async work<T>(
    name: string,
    deferred: boolean,
    run: () => T | Promise<T>,
    answer: (result: T) => Promise<void>,
  ): Promise<void> {
    const predicted = this.predict(name);
    if (!deferred) this.backlog += predicted;
    try {
      const started = performance.now();
      let result: T;
      try {
        result = await run();
      } finally {
        const spent = performance.now() - started;
        this.cost.set(name, this.cost.has(name) ? 0.8 * predicted + 0.2 * spent : spent);
      }
      await answer(result);
    } finally {
      if (!deferred) this.backlog -= predicted;
    }
  }

  /** Defers when the answer may miss Discord's acknowledgement window, then answers the command. */
  private async answer(
    responder: Responder,
    createdTimestamp: number,
    command: DiscordCommand,
    locale: Locale,
    args: CommandArgs,
    paging: { owner: string; page?: number; expires?: number },
  ): Promise<void> {
    const name = command.spec.name;
    const defer = this.shouldDefer(name, createdTimestamp);
    if (defer) await responder.defer();
    await this.work(
      name,
      defer,
      () => this.answerer.reply(name, locale, args, paging.page),
      (reply) =>
        responder.send(this.message(command, reply, args, paging.owner, locale, paging.expires)),
    );
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const locale = pickLocale(interaction.locale);
    const responder = new Responder(interaction, this.logger);
    try {
      const command = DISCORD_COMMANDS.get(interaction.commandName);
      if (!command) {
        await responder.sendEphemeral(format(locale, "bot.unknownCommand"));
        return;
      }
      const args = readArgs(interaction, command);
      await this.answer(responder, interaction.createdTimestamp, command, locale, args, {
        owner: interaction.user.id,
      });
    } catch (error) {
      await this.fail(responder, error, locale, `/${interaction.commandName}`);
    } finally {
      responder.close();
    }
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const locale = pickLocale(interaction.locale);
    const responder = new Responder(interaction, this.logger);
    try {
      const askAbout = articleOfAskButton(interaction.customId);
      if (askAbout !== undefined) {
        const article = await this.answerer.article(askAbout);
        await responder.showModal(questionModal(article, locale));
        return;
      }
      const state = this.codec.decode(interaction.customId);
      const command = state && DISCORD_COMMANDS.get(state.command);
      if (!state || !command) {
        await responder.sendEphemeral(format(locale, "bot.unknownButton"));
        return;
      }
      if (state.owner !== interaction.user.id) {
        await responder.sendEphemeral(
          format(locale, "bot.notYours", { owner: `<@${state.owner}>` }),
        );
        return;
      }
      if (this.now() > state.expires || !state.args) {
        await responder.send({
          components: disablePaging(interaction),
          allowedMentions: { ...NO_MENTIONS },
        });
        await responder.sendEphemeral(format(locale, "bot.expired"));
        return;
      }
      await this.answer(responder, interaction.createdTimestamp, command, locale, state.args, {
        owner: state.owner,
        page: state.page,
        expires: state.expires,
      });
    } catch (error) {
      await this.fail(responder, error, locale, `button ${interaction.customId}`);
    } finally {
      responder.close();
    }
  }

  /** A question typed into the modal of a question button, answered from that article alone. */
  private async modalSubmit(interaction: ModalSubmitInteraction): Promise<void> {
    const locale = pickLocale(interaction.locale);
    const responder = new Responder(interaction, this.logger, true);
    try {
      const articleId = articleOfAskModal(interaction.customId);
      const command = DISCORD_COMMANDS.get("ask");
      if (articleId === undefined || !command) {
        await responder.sendEphemeral(format(locale, "bot.unknownButton"));
        return;
      }
      const article = await this.answerer.article(articleId);
      const args: CommandArgs = { question: questionOf(interaction), article: article.id };
      await this.answer(responder, interaction.createdTimestamp, command, locale, args, {
        owner: interaction.user.id,
      });
    } catch (error) {
      await this.fail(responder, error, locale, `modal ${interaction.customId}`);
    } finally {
      responder.close();
    }
  }

  private async fail(
    responder: Responder,
    error: unknown,
    locale: Locale,
    what: string,
  ): Promise<void> {
    let content: string;
    if (isUserError(error)) {
      // What the messages quote is escaped: it shows as typed and never pings.
      content = describeError(error, locale, escapeTyped).join("\n");
      this.logger.debug(`${what}: ${error.message}`);
    } else {
      content = format(locale, "bot.internalError");
      this.logger.error(`${what} failed`, error);
    }
    await responder.sendEphemeral(clipUnits(content, MESSAGE_CONTENT));
  }

  /** The reply message: the page's embed, paging buttons when there are pages, link buttons. */
  private message(
    command: DiscordCommand,
    reply: CommandReply,
    args: CommandArgs,
    owner: string,
    locale: Locale,
    expires = this.now() + this.pageTtl,
  ): InteractionReplyOptions & InteractionEditReplyOptions {
    const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
    if (reply.pages > 1) {
      const id = (page: number) =>
        this.codec.encode({ command: command.spec.name, owner, expires, page, args }, command);
      rows.push(
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(id(Math.max(1, reply.page - 1)))
            .setLabel(format(locale, "ui.previous"))
            .setEmoji("◀️")
            .setStyle(ButtonStyle.Secondary)
            .setDisabled(reply.page <= 1),
          new ButtonBuilder()
            .setCustomId(id(Math.min(reply.pages, reply.page + 1)))
            .setLabel(format(locale, "ui.next"))
            .setEmoji("▶️")
            .setStyle(ButtonStyle.Secondary)
            .setDisabled(reply.page >= reply.pages),
        ),
      );
    }
    if (reply.view.links.length > 0) {
      rows.push(
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          reply.view.links
            .slice(0, 5)
            .map((link) =>
              new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(link.url).setLabel(link.label),
            ),
        ),
      );
    }
    const asks = askButtons(reply.view.asks ?? []);
    if (asks.length > 0) {
      rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(asks));
    }
    return { embeds: [reply.view.embed], components: rows, allowedMentions: { ...NO_MENTIONS } };
  }
}

/** The option values of a command interaction, read by the types its definition declares. */
function readArgs(interaction: ChatInputCommandInteraction, command: DiscordCommand): CommandArgs {
  const args: CommandArgs = {};
  for (const option of command.definition.options ?? []) {
    const value = interaction.options.get(option.name)?.value;
    if (typeof value === "string" || typeof value === "number") args[option.name] = value;
  }
  return args;
}

/** The clicked message's rows with the paging buttons disabled (link buttons keep working). */
function disablePaging(
  interaction: ButtonInteraction,
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  return interaction.message.components.flatMap((row) => {
    if (row.type !== ComponentType.ActionRow) return [];
    const builder = new ActionRowBuilder<MessageActionRowComponentBuilder>();
    for (const component of row.components) {
      if (component.type !== ComponentType.Button) continue;
      const button = ButtonBuilder.from(component);
      if (component.style !== ButtonStyle.Link) button.setDisabled(true);
      builder.addComponents(button);
    }
    return builder.components.length > 0 ? [builder] : [];
  });
}

function describeInteraction(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete())
    return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  if (interaction.isModalSubmit()) return `modal ${interaction.customId}`;
  return `type ${interaction.type}`;
}
