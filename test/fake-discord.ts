import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, WebSocket, WebSocketServer } from "ws";

/**
 * A fake Discord for end-to-end tests: the REST API (the part a bot uses) over node:http and the
 * gateway over `ws`, both on 127.0.0.1. It speaks the real protocol closely enough for the real
 * discord.js `Client` (reached through `rest.api`) and checks what real Discord checks: message
 * and embed limits, autocomplete limits, one acknowledgement per interaction within 3 seconds.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A Discord id: milliseconds since 2015 in the high bits, so it reads 18 or 19 digits. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** The shard a guild belongs to, as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const BUTTON_LINK = 5;
const GATEWAY = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, RECONNECT: 7, INVALID: 9 };

export interface FakeDiscordOptions {
  token?: string;
  /** How many shards `GET /gateway/bot` recommends (and how many guilds are made, one each). */
  shards?: number;
  heartbeatInterval?: number;
  /** Reject a first response that arrives later than this after delivery, as Discord does. */
  responseWindowMs?: number;
  /** `session_start_limit.max_concurrency`: how many shards may identify at once. */
  maxConcurrency?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of every shape
  body: any;
  at: number;
  status: number;
}

export interface Identify {
  token: string;
  intents: number;
  shard: [number, number];
  at: number;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  log: Array<{ s: number; t: string; d: unknown }>;
  connection: Connection | undefined;
  valid: boolean;
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
  /** Shard id this connection identified or resumed as. */
  shardId: number | undefined;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  shard: number;
  // biome-ignore lint/suspicious/noExplicitAny: the INTERACTION_CREATE payload
  payload: any;
  /** When the dispatch was created, and when it was written to a live gateway connection. */
  createdAt: number;
  deliveredAt: number | undefined;
  /** The shard pair of the gateway session it was delivered on. */
  deliveredOn: [number, number] | undefined;
  /** The first acknowledgement (callback) and when it arrived. */
  callback: RecordedRequest | undefined;
  /** Every REST call made with this interaction's token, in order. */
  requests: RecordedRequest[];
  // biome-ignore lint/suspicious/noExplicitAny: a message object
  original: any;
  // biome-ignore lint/suspicious/noExplicitAny: message objects
  followUps: any[];
  /** The modal the bot opened in answer (callback type 9), if it did. */
  // biome-ignore lint/suspicious/noExplicitAny: a modal object
  modal?: any;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly shardCount: number;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = { id: this.applicationId, username: "dubao", global_name: null };
  readonly guilds: Array<{ id: string; channelId: string; shard: number }> = [];
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Identify[] = [];
  readonly resumes: Array<{ sessionId: string; seq: number; at: number }> = [];
  readonly interactions = new Map<string, InteractionRecord>();
  /** Commands registered with PUT, by scope (`global` or a guild id). */
  readonly registered = new Map<string, unknown[]>();
  heartbeats = 0;
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private readonly heartbeatInterval: number;
  /**
   * How long after delivery an interaction may be acknowledged (Discord's 3 s). A test of what the
   * bot does under a backlog may widen it, so that a slow machine tests the behaviour, not its pace
   * (the acknowledgement time is a figure of `npm run bench`, not of a test).
   */
  responseWindowMs: number;
  private readonly maxConcurrency: number;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? "fake-bot-token-0123456789abcdef";
    this.shardCount = options.shards ?? 1;
    this.heartbeatInterval = options.heartbeatInterval ?? 5_000;
    this.responseWindowMs = options.responseWindowMs ?? 3_000;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    // One guild per shard: draw ids until each shard has one.
    while (this.guilds.length < this.shardCount) {
      const id = snowflake();
      const shard = shardOf(id, this.shardCount);
      if (!this.guilds.some((guild) => guild.shard === shard)) {
        this.guilds.push({ id, channelId: snowflake(), shard });
      }
    }
    this.guilds.sort((a, b) => a.shard - b.shard);
    this.server = createServer((request, response) => {
      this.handleHttp(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    this.gateway = new WebSocketServer({ server: this.server });
    this.gateway.on("connection", (socket) => this.handleConnection(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to put in DISCORD_API_BASE (discord.js `rest.api`). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------------------------------------
  // Gateway

  private handleConnection(socket: WebSocket): void {
    const connection: Connection = { socket, session: undefined, shardId: undefined };
    this.connections.add(connection);
    socket.on("close", () => {
      this.connections.delete(connection);
      if (connection.session?.connection === connection) connection.session.connection = undefined;
    });
    socket.on("error", () => {});
    socket.on("message", (data) => this.handleGatewayMessage(connection, data));
    this.send(connection, { op: 10, d: { heartbeat_interval: this.heartbeatInterval } });
  }

  private send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState === WebSocket.OPEN) {
      connection.socket.send(JSON.stringify(payload));
    }
  }

  private handleGatewayMessage(connection: Connection, data: RawData): void {
    // biome-ignore lint/suspicious/noExplicitAny: gateway payloads
    let payload: any;
    try {
      payload = JSON.parse(data.toString());
    } catch {
      connection.socket.close(4002, "Decode error");
      return;
    }
    switch (payload.op) {
      case GATEWAY.HEARTBEAT:
        this.heartbeats++;
        this.send(connection, { op: 11 });
        this.emit("heartbeat", connection.shardId);
        return;
      case GATEWAY.IDENTIFY:
        this.identify(connection, payload.d);
        return;
      case GATEWAY.RESUME:
        this.resume(connection, payload.d);
        return;
      default:
        // Presence and voice updates are accepted silently; unknown opcodes close the socket.
        if (payload.op === 3 || payload.op === 4 || payload.op === 8) return;
        connection.socket.close(4001, "Unknown opcode");
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: IDENTIFY data
  private identify(connection: Connection, d: any): void {
    if (connection.session) {
      connection.socket.close(4005, "Already authenticated");
      return;
    }
    if (d?.token !== this.token) {
      connection.socket.close(4004, "Authentication failed");
      return;
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1];
    if (shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      connection.socket.close(4010, "Invalid shard");
      return;
    }
    this.identifies.push({ token: d.token, intents: d.intents, shard, at: Date.now() });
    const session: Session = {
      id: `session-${snowflake()}`,
      shard,
      seq: 0,
      log: [],
      connection,
      valid: true,
    };
    // A shard has one live session: an older one for the same shard is gone.
    for (const old of this.sessions.values()) {
      if (old.shard[0] === shard[0]) old.valid = false;
    }
    this.sessions.set(session.id, session);
    connection.session = session;
    connection.shardId = shard[0];
    this.emit("identify", shard);
    this.dispatch(session, "READY", {
      v: 10,
      user: {
        ...this.botUser,
        discriminator: "0",
        avatar: null,
        bot: true,
        verified: true,
        flags: 0,
      },
      guilds: this.guildsOf(shard).map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${this.gatewayUrl}/resume`,
      shard,
      application: { id: this.applicationId, flags: 0 },
    });
    for (const guild of this.guildsOf(shard))
      this.dispatch(session, "GUILD_CREATE", this.guildObject(guild));
    this.emit("ready", shard);
  }

  // biome-ignore lint/suspicious/noExplicitAny: RESUME data
  private resume(connection: Connection, d: any): void {
    const session = this.sessions.get(d?.session_id);
    if (d?.token !== this.token) {
      connection.socket.close(4004, "Authentication failed");
      return;
    }
    if (!session?.valid) {
      this.send(connection, { op: GATEWAY.INVALID, d: false });
      return;
    }
    this.resumes.push({ sessionId: session.id, seq: d.seq, at: Date.now() });
    if (session.connection && session.connection !== connection)
      session.connection.socket.terminate();
    session.connection = connection;
    connection.session = session;
    connection.shardId = session.shard[0];
    for (const entry of session.log) {
      if (entry.s > d.seq) this.deliver(connection, entry);
    }
    this.dispatch(session, "RESUMED", null);
    this.emit("resumed", session.shard);
  }

  private dispatch(session: Session, t: string, d: unknown): void {
    session.seq++;
    const entry = { s: session.seq, t, d };
    session.log.push(entry);
    if (session.connection) this.deliver(session.connection, entry);
  }

  private deliver(connection: Connection, entry: { s: number; t: string; d: unknown }): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    this.send(connection, { op: GATEWAY.DISPATCH, s: entry.s, t: entry.t, d: entry.d });
    if (entry.t === "INTERACTION_CREATE") {
      const record = this.interactions.get((entry.d as { id: string }).id);
      if (record && record.deliveredAt === undefined) {
        record.deliveredAt = Date.now();
        record.deliveredOn = connection.session?.shard;
      }
    }
  }

  private guildsOf(shard: [number, number]) {
    return this.guilds.filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
  }

  private guildObject(guild: { id: string; channelId: string }) {
    return {
      id: guild.id,
      name: `Guild ${guild.id.slice(-4)}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guild.id,
          name: "@everyone",
          color: 0,
          hoist: false,
          position: 0,
          permissions: "2248473465835073",
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "zh-CN",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      channels: [
        {
          id: guild.channelId,
          type: 0,
          guild_id: guild.id,
          name: "general",
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
          parent_id: null,
        },
      ],
    };
  }

  /** The connection currently serving a shard. */
  private connectionOf(shard: number): Connection | undefined {
    for (const connection of this.connections) {
      if (connection.shardId === shard && connection.session?.connection === connection) {
        return connection;
      }
    }
    return undefined;
  }

  private liveSession(shard: number): Session | undefined {
    let found: Session | undefined;
    for (const session of this.sessions.values()) {
      if (session.shard[0] === shard && session.valid) found = session;
    }
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Faults

  /** Closes the shard's gateway connection with a close code (4000: unknown error, resumable). */
  closeGateway(code: number, shard = 0): void {
    this.mustConnect(shard).socket.close(code, "Closed by the fake");
  }

  /** Drops the TCP connection without a closing handshake. */
  killConnection(shard = 0): void {
    this.mustConnect(shard).socket.terminate();
  }

  /** Op 7: the client should reconnect and resume. */
  requestReconnect(shard = 0): void {
    this.send(this.mustConnect(shard), { op: GATEWAY.RECONNECT, d: null });
  }

  /** Op 9: the session is invalid; when not resumable, the client must identify again. */
  invalidateSession(resumable: boolean, shard = 0): void {
    const connection = this.mustConnect(shard);
    if (!resumable && connection.session) {
      connection.session.valid = false;
      connection.session.connection = undefined;
      connection.session = undefined;
    }
    this.send(connection, { op: GATEWAY.INVALID, d: resumable });
  }

  private mustConnect(shard: number): Connection {
    const connection = this.connectionOf(shard);
    if (!connection) throw new Error(`shard ${shard} is not connected`);
    return connection;
  }

  /** The shards that have a live gateway connection now. */
  connectedShards(): number[] {
    const shards = new Set<number>();
    for (const connection of this.connections) {
      if (connection.shardId !== undefined && connection.socket.readyState === WebSocket.OPEN)
        shards.add(connection.shardId);
    }
    return [...shards].sort();
  }

  /** Resolves when the shard has an identified or resumed live connection. */
  async waitForShard(shard = 0, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.connectionOf(shard)) {
      if (Date.now() > deadline) throw new Error(`shard ${shard} did not connect`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Resolves on the next emission of `event`, failing after a timeout. */
  async next(
    event: "identify" | "resumed" | "ready" | "request" | "heartbeat",
    timeoutMs = 20_000,
  ): Promise<unknown[]> {
    const signal = AbortSignal.timeout(timeoutMs);
    return once(this, event, { signal });
  }

  // ---------------------------------------------------------------------------------------------
  // Interactions

  private member(user: FakeUser) {
    return {
      user: { ...user, discriminator: "0", avatar: null, global_name: user.global_name ?? null },
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: "2248473465835073",
      nick: null,
      avatar: null,
    };
  }

  private sendInteraction(
    type: number,
    data: unknown,
    options: { user?: FakeUser; locale?: string; guild?: number; message?: unknown },
  ): InteractionRecord {
    const guild = this.guilds[options.guild ?? 0];
    if (!guild) throw new Error(`no guild ${options.guild}`);
    const id = snowflake();
    const token = `itoken-${id}-${Math.random().toString(36).slice(2)}`;
    const user = options.user ?? DEFAULT_USER;
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      data,
      guild_id: guild.id,
      guild: { id: guild.id, locale: "zh-CN", features: [] },
      guild_locale: "zh-CN",
      channel_id: guild.channelId,
      channel: {
        id: guild.channelId,
        type: 0,
        guild_id: guild.id,
        name: "general",
        position: 0,
        permissions: "2248473465835073",
        nsfw: false,
        parent_id: null,
        flags: 0,
        last_message_id: null,
        rate_limit_per_user: 0,
        topic: null,
      },
      member: this.member(user),
      token,
      version: 1,
      locale: options.locale ?? "zh-CN",
      app_permissions: "2248473465835073",
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(options.message ? { message: options.message } : {}),
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      shard: guild.shard,
      payload,
      createdAt: Date.now(),
      deliveredAt: undefined,
      deliveredOn: undefined,
      callback: undefined,
      requests: [],
      original: undefined,
      followUps: [],
    };
    this.interactions.set(id, record);
    this.byToken.set(token, record);
    const session = this.liveSession(guild.shard);
    if (!session) throw new Error(`shard ${guild.shard} has no session`);
    this.dispatch(session, "INTERACTION_CREATE", payload);
    return record;
  }

  /** A member runs a slash command. Options as Discord sends them (type 3 string, 4 integer). */
  command(
    name: string,
    options: CommandOption[] = [],
    extra: { user?: FakeUser; locale?: string; guild?: number } = {},
  ): InteractionRecord {
    return this.sendInteraction(2, { id: snowflake(), name, type: 1, options }, extra);
  }

  /** A member types into an autocompleted option (the focused one). */
  autocomplete(
    name: string,
    options: CommandOption[],
    extra: { user?: FakeUser; locale?: string; guild?: number } = {},
  ): InteractionRecord {
    return this.sendInteraction(4, { id: snowflake(), name, type: 1, options }, extra);
  }

  /** A member clicks a button of the message an interaction answered with. */
  click(
    on: InteractionRecord,
    customId: string,
    extra: { user?: FakeUser; locale?: string } = {},
  ): InteractionRecord {
    if (!on.original) throw new Error("that interaction has no message to click on");
    return this.sendInteraction(
      3,
      { custom_id: customId, component_type: 2 },
      {
        ...extra,
        guild: this.guilds.findIndex((guild) => guild.shard === on.shard),
        message: on.original,
      },
    );
  }

  /**
   * A member submits the modal a button click opened (interaction type 5, MODAL_SUBMIT): the
   * modal's custom id (the one the bot sent unless `customId` forges another) and the text typed
   * into each input, by input custom id, sent back as Discord does, in action rows.
   */
  submitModal(
    clicked: InteractionRecord,
    values: Record<string, string>,
    extra: { user?: FakeUser; locale?: string; customId?: string } = {},
  ): InteractionRecord {
    const customId = extra.customId ?? clicked.modal?.custom_id;
    if (typeof customId !== "string") throw new Error("that interaction opened no modal");
    return this.sendInteraction(
      5,
      {
        custom_id: customId,
        components: Object.entries(values).map(([id, value]) => ({
          type: 1,
          components: [{ type: 4, custom_id: id, value }],
        })),
      },
      {
        ...extra,
        guild: this.guilds.findIndex((guild) => guild.shard === clicked.shard),
        ...(clicked.payload.message ? { message: clicked.payload.message } : {}),
      },
    );
  }

  /** Resolves with the first acknowledgement of an interaction (callback). */
  async response(record: InteractionRecord, timeoutMs = 10_000): Promise<RecordedRequest> {
    await this.until(() => record.callback !== undefined, timeoutMs, `no response to ${record.id}`);
    return record.callback as RecordedRequest;
  }

  /**
   * Resolves with the final visible answer of an interaction: the message of a type 4/7 callback,
   * or after a deferral (5/6) the edit of the original or a follow-up.
   */
  async answer(
    record: InteractionRecord,
    timeoutMs = 10_000,
    // biome-ignore lint/suspicious/noExplicitAny: a message body
  ): Promise<{ body: any; ephemeral: boolean }> {
    const callback = await this.response(record, timeoutMs);
    const type = callback.body?.type;
    if (type === 4 || type === 7 || type === 8) {
      return { body: callback.body.data, ephemeral: ((callback.body.data?.flags ?? 0) & 64) !== 0 };
    }
    await this.until(
      () => record.requests.some((request) => request !== callback && request.method !== "DELETE"),
      timeoutMs,
      `no answer after the deferral of ${record.id}`,
    );
    const last = record.requests.filter(
      (request) => request !== callback && request.method !== "DELETE",
    );
    const request = last[0] as RecordedRequest;
    const deferredEphemeral = ((callback.body?.data?.flags ?? 0) & 64) !== 0;
    const ephemeral =
      request.method === "POST" ? ((request.body?.flags ?? 0) & 64) !== 0 : deferredEphemeral;
    return { body: request.body, ephemeral };
  }

  private async until(check: () => boolean, timeoutMs: number, message: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(message);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // REST

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<true> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/api\/v10/, "");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path,
      query: url.searchParams,
      body,
      at: Date.now(),
      status: 0,
    };
    this.requests.push(recorded);
    const reply = (status: number, json?: unknown): true => {
      recorded.status = status;
      if (json === undefined) {
        response.writeHead(status).end();
      } else {
        response
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify(json));
      }
      this.emit("request", recorded);
      return true;
    };
    if (!url.pathname.startsWith("/api/v10/"))
      return reply(404, { message: "404: Not Found", code: 0 });
    const authorized = request.headers.authorization === `Bot ${this.token}`;
    const route = `${recorded.method} ${path}`;

    if (route === "GET /gateway/bot") {
      if (!authorized) return reply(401, { message: "401: Unauthorized", code: 0 });
      return reply(200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.maxConcurrency,
        },
      });
    }
    if (route === "GET /gateway") return reply(200, { url: this.gatewayUrl });
    if (route === "GET /applications/@me") {
      if (!authorized) return reply(401, { message: "401: Unauthorized", code: 0 });
      return reply(200, {
        id: this.applicationId,
        name: this.botUser.username,
        flags: 0,
        bot_public: true,
      });
    }

    let match = /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route);
    if (match)
      return this.interactionCallback(match[1] as string, match[2] as string, recorded, reply);

    match =
      /^(PATCH|GET|DELETE) \/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|%40original|\d+)$/.exec(
        route,
      );
    if (match) {
      const record = this.byToken.get(match[3] as string);
      if (!record || match[2] !== this.applicationId)
        return reply(404, { message: "Unknown Webhook", code: 10015 });
      record.requests.push(recorded);
      if (!record.callback) return reply(404, { message: "Unknown Message", code: 10008 });
      const messageId = match[4] as string;
      const target =
        messageId === "@original" || messageId === "%40original"
          ? record.original
          : record.followUps.find((message) => message.id === messageId);
      if (!target) return reply(404, { message: "Unknown Message", code: 10008 });
      if (match[1] === "GET") return reply(200, target);
      if (match[1] === "DELETE") {
        if (target === record.original) record.original = undefined;
        return reply(204);
      }
      const problem = checkMessage(body);
      if (problem) return reply(400, invalidForm(problem));
      // biome-ignore lint/suspicious/noExplicitAny: message edit
      const edit = body as any;
      Object.assign(target, pick(edit, ["content", "embeds", "components", "flags"]), {
        edited_timestamp: new Date().toISOString(),
      });
      return reply(200, target);
    }

    match = /^POST \/webhooks\/(\d+)\/([^/]+)$/.exec(route);
    if (match) {
      const record = this.byToken.get(match[2] as string);
      if (!record || match[1] !== this.applicationId)
        return reply(404, { message: "Unknown Webhook", code: 10015 });
      record.requests.push(recorded);
      if (!record.callback) return reply(404, { message: "Unknown Webhook", code: 10015 });
      const problem = checkMessage(body);
      if (problem) return reply(400, invalidForm(problem));
      const message = this.message(record, body);
      record.followUps.push(message);
      return reply(200, message);
    }

    match = /^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);
    if (match) {
      if (!authorized) return reply(401, { message: "401: Unauthorized", code: 0 });
      if (match[1] !== this.applicationId)
        return reply(403, { message: "Missing Access", code: 50001 });
      if (!Array.isArray(body)) return reply(400, invalidForm("body must be an array"));
      const problem = checkCommands(body);
      if (problem) return reply(400, invalidForm(problem));
      const scope = match[2] ?? "global";
      const created = body.map((command) => ({
        ...command,
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...(match?.[2] ? { guild_id: match[2] } : {}),
      }));
      this.registered.set(scope, created);
      return reply(200, created);
    }

    return reply(404, { message: "404: Not Found", code: 0 });
  }

  private interactionCallback(
    id: string,
    token: string,
    recorded: RecordedRequest,
    reply: (status: number, json?: unknown) => true,
  ): true {
    const record = this.interactions.get(id);
    if (!record || record.token !== token)
      return reply(404, { message: "Unknown interaction", code: 10062 });
    record.requests.push(recorded);
    if (record.callback) {
      return reply(400, { message: "Interaction has already been acknowledged.", code: 40060 });
    }
    const deliveredAt = record.deliveredAt ?? record.createdAt;
    if (recorded.at - deliveredAt > this.responseWindowMs) {
      return reply(404, { message: "Unknown interaction", code: 10062 });
    }
    // biome-ignore lint/suspicious/noExplicitAny: callback body
    const body = recorded.body as any;
    const type = body?.type;
    // A modal submit may be answered but not with another modal.
    const allowed: Record<number, number[]> = {
      2: [4, 5, 9],
      3: [4, 5, 6, 7, 9],
      4: [8],
      5: [4, 5, 6, 7],
    };
    if (!allowed[record.type]?.includes(type)) {
      return reply(
        400,
        invalidForm(`callback type ${type} is not valid for interaction type ${record.type}`),
      );
    }
    const problem =
      type === 8
        ? checkChoices(body.data)
        : type === 4 || type === 7
          ? checkMessage(body.data)
          : type === 9
            ? checkModal(body.data)
            : null;
    if (problem) return reply(400, invalidForm(problem));
    record.callback = recorded;
    if (type === 4 || type === 5) {
      record.original = this.message(
        record,
        type === 4 ? body.data : { content: "", flags: body.data?.flags ?? 0 },
      );
    } else if (type === 7) {
      // Updating the clicked message: the original of the interaction that created it.
      const clicked = this.findMessage(record.payload.message?.id);
      if (clicked) {
        Object.assign(clicked, pick(body.data ?? {}, ["content", "embeds", "components"]));
        record.original = clicked;
      }
    } else if (type === 6) {
      record.original = this.findMessage(record.payload.message?.id);
    } else if (type === 9) {
      record.modal = body.data;
    }
    const withResponse = recorded.query.get("with_response") === "true";
    if (withResponse) {
      return reply(200, {
        interaction: { id, type: record.type, response_message_id: record.original?.id },
        resource: { type, message: record.original },
      });
    }
    return reply(204);
  }

  private findMessage(messageId: string | undefined) {
    if (!messageId) return undefined;
    for (const record of this.interactions.values()) {
      if (record.original?.id === messageId) return record.original;
    }
    return undefined;
  }

  // biome-ignore lint/suspicious/noExplicitAny: message body
  private message(record: InteractionRecord, data: any) {
    return {
      id: snowflake(),
      type: record.type === 2 ? 20 : 19,
      channel_id: record.payload.channel_id,
      guild_id: record.payload.guild_id,
      author: { ...this.botUser, discriminator: "0", avatar: null, bot: true },
      content: data?.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      pinned: false,
      flags: data?.flags ?? 0,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: {
        id: record.id,
        type: record.type,
        user: record.payload.member.user,
        authorizing_integration_owners: {},
      },
    };
  }
}

/**
 * A no-op identify throttler for discord.js (`ws.buildIdentifyThrottler`), so that a client
 * identifying again after a fault does not wait the 5 s Discord asks of real bots.
 */
export const NO_IDENTIFY_THROTTLE = { waitForIdentify: async (): Promise<void> => {} };

export const DEFAULT_USER: FakeUser = { id: "300000000000000001", username: "reader" };
export const STRANGER: FakeUser = { id: "300000000000000002", username: "stranger" };

function pick(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}

function invalidForm(problem: string) {
  return {
    message: "Invalid Form Body",
    code: 50035,
    errors: { _errors: [{ code: "BASE_TYPE_INVALID", message: problem }] },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longer than Discord allows, or not well-formed UTF-16 (a character cut in half). */
function tooLong(value: unknown, max: number): boolean {
  return typeof value === "string" && (value.length > max || LONE_SURROGATE.test(value));
}

/** Discord's limits on a message body; returns the first violation or null. */
// biome-ignore lint/suspicious/noExplicitAny: message body
export function checkMessage(data: any): string | null {
  if (!data || typeof data !== "object") return "message body missing";
  if (tooLong(data.content, 2000)) return "content longer than 2000 or not well-formed";
  const embeds = data.embeds ?? [];
  if (embeds.length > 10) return "more than 10 embeds";
  let total = 0;
  for (const embed of embeds) {
    if (tooLong(embed.title, 256)) return "embed title longer than 256";
    if (tooLong(embed.description, 4096)) return "embed description longer than 4096";
    if (tooLong(embed.footer?.text, 2048)) return "embed footer longer than 2048";
    if (tooLong(embed.author?.name, 256)) return "embed author longer than 256";
    if (embed.url !== undefined && !/^https?:\/\//.test(embed.url)) return "embed url not a link";
    const fields = embed.fields ?? [];
    if (fields.length > 25) return "more than 25 fields";
    for (const field of fields) {
      if (!field.name || tooLong(field.name, 256)) return "field name empty or longer than 256";
      if (!field.value || tooLong(field.value, 1024))
        return "field value empty or longer than 1024";
      total += field.name.length + field.value.length;
    }
    total += (embed.title ?? "").length + (embed.description ?? "").length;
    total += (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
  }
  if (total > 6000) return `embeds total ${total} characters, more than 6000`;
  const rows = data.components ?? [];
  if (rows.length > 5) return "more than 5 action rows";
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) return "top-level component is not an action row";
    if (!row.components?.length || row.components.length > 5)
      return "an action row needs 1 to 5 buttons";
    for (const button of row.components) {
      if (button.type !== 2) return "only buttons are expected";
      if (tooLong(button.label, 80)) return "button label longer than 80";
      if (button.style === BUTTON_LINK) {
        if (!button.url || button.custom_id) return "a link button needs a url and no custom_id";
        if (tooLong(button.url, 512)) return "button url longer than 512";
      } else {
        if (!button.custom_id || tooLong(button.custom_id, 100))
          return "custom_id missing or longer than 100";
        if (ids.has(button.custom_id)) return "duplicate custom_id";
        ids.add(button.custom_id);
      }
    }
  }
  return null;
}

/** Discord's limits on a modal (callback type 9); returns the first violation or null. */
// biome-ignore lint/suspicious/noExplicitAny: modal body
export function checkModal(data: any): string | null {
  if (!data || typeof data !== "object") return "modal body missing";
  if (typeof data.custom_id !== "string" || !data.custom_id || tooLong(data.custom_id, 100))
    return "modal custom_id must be 1 to 100 characters";
  if (typeof data.title !== "string" || !data.title || tooLong(data.title, 45))
    return "modal title must be 1 to 45 characters";
  const rows = data.components ?? [];
  if (rows.length < 1 || rows.length > 5) return "a modal needs 1 to 5 components";
  const ids = new Set<string>();
  for (const row of rows) {
    // An action row holding one text input, or a label (type 18) around one.
    const inputs = row.type === 1 ? (row.components ?? []) : row.type === 18 ? [row.component] : [];
    if (row.type === 18 && (!row.label || tooLong(row.label, 45)))
      return "a label must be 1 to 45 characters";
    if (inputs.length !== 1) return "each modal row holds exactly one text input";
    const input = inputs[0];
    if (input?.type !== 4) return "only text inputs are expected in a modal";
    if (!input.custom_id || tooLong(input.custom_id, 100))
      return "text input custom_id missing or longer than 100";
    if (ids.has(input.custom_id)) return "duplicate custom_id";
    ids.add(input.custom_id);
    if (input.style !== 1 && input.style !== 2) return "text input style must be 1 or 2";
    if (row.type === 1 && (!input.label || tooLong(input.label, 45)))
      return "text input label must be 1 to 45 characters";
    if (tooLong(input.placeholder, 100)) return "text input placeholder longer than 100";
    const max = input.max_length ?? 4000;
    const min = input.min_length ?? 0;
    if (max < 1 || max > 4000 || min < 0 || min > max)
      return "text input lengths must satisfy 0 ≤ min ≤ max ≤ 4000";
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: autocomplete body
function checkChoices(data: any): string | null {
  const choices = data?.choices;
  if (!Array.isArray(choices)) return "choices missing";
  if (choices.length > 25) return "more than 25 choices";
  for (const choice of choices) {
    if (typeof choice.name !== "string" || choice.name.length < 1 || tooLong(choice.name, 100)) {
      return "choice name must be 1 to 100 characters";
    }
    if (
      typeof choice.value === "string" &&
      (choice.value.length > 100 || choice.value.length < 1)
    ) {
      return "choice value must be 1 to 100 characters";
    }
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: command bodies
function checkCommands(commands: any[]): string | null {
  if (commands.length > 100) return "more than 100 commands";
  for (const command of commands) {
    if (
      !/^[-_\p{L}\p{N}]{1,32}$/u.test(command.name ?? "") ||
      command.name !== command.name.toLowerCase()
    ) {
      return `bad command name ${command.name}`;
    }
    if (!command.description || command.description.length > 100)
      return `bad description of ${command.name}`;
  }
  return null;
}
