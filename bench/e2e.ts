/**
 * End-to-end reply latency: the real discord.js client built by `createBot`, against the fake
 * Discord of the tests (test/fake-discord.ts) over 127.0.0.1, both in this process. Each
 * interaction is timed from the moment the fake writes INTERACTION_CREATE to the gateway socket
 * to the moment it has received the bot's callback POST (and, when the bot deferred, its edit).
 */

import { runPeople } from "../src/app/service.js";
import { Archive } from "../src/articles/archive.js";
import { parseConfig } from "../src/config.js";
import { localAnswerer } from "../src/discord/answerer.js";
import { createBot } from "../src/discord/bot.js";
import {
  FakeDiscord,
  type InteractionRecord,
  NO_IDENTIFY_THROTTLE,
  type RecordedRequest,
} from "../test/fake-discord.js";
import { note, readQueries, spreadIds, warnLogger } from "./common.js";
import { latency, peakRss } from "./measure.js";
import type { E2eResult, E2eRun, InteractionKind, ScenarioInput } from "./protocol.js";

/** One cycle of the mix: 6 searches, 4 summaries, 3 quotes, 3 sources, 4 autocompletes. */
const CYCLE: InteractionKind[] = [
  "search",
  "summary",
  "autocomplete-article",
  "search",
  "quotes",
  "source",
  "search",
  "autocomplete-person",
  "summary",
  "search",
  "quotes",
  "source",
  "autocomplete-article",
  "search",
  "summary",
  "autocomplete-person",
  "quotes",
  "search",
  "source",
  "summary",
];

const TIMEOUT_MS = 15_000;

interface Inputs {
  queries: string[];
  ids: string[];
  titles: string[];
  people: string[];
}

interface Pending {
  kind: InteractionKind;
  sentAt: number;
  callbackAt?: number;
  finalAt?: number;
  deferred: boolean;
  ephemeral: boolean;
  failed: boolean;
  done: () => void;
}

const str = (name: string, value: string) => ({ name, type: 3, value });

function send(fake: FakeDiscord, kind: InteractionKind, i: number, inputs: Inputs) {
  const pick = (list: string[]) => list[i % list.length] ?? "";
  switch (kind) {
    case "search":
      return fake.command("search", [str("query", pick(inputs.queries))]);
    case "summary":
      return fake.command("summary", [str("article", pick(inputs.ids))]);
    case "quotes":
      return fake.command("quotes", [str("person", pick(inputs.people))]);
    case "source":
      return fake.command("source", [str("article", pick(inputs.ids))]);
    case "autocomplete-article":
      return fake.autocomplete(i % 2 === 0 ? "summary" : "source", [
        { ...str("article", pick(inputs.titles)), focused: true },
      ]);
    case "autocomplete-person":
      return fake.autocomplete("quotes", [
        { ...str("person", pick(inputs.people).slice(0, 1 + (i % 2))), focused: true },
      ]);
  }
}

/** Watches the fake's REST traffic and settles the pending interactions it answers. */
function tracker(fake: FakeDiscord) {
  const byId = new Map<string, Pending>();
  const byToken = new Map<string, Pending>();
  fake.on("request", (request: RecordedRequest) => {
    const now = performance.now();
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
    if (callback && request.method === "POST") {
      const pending = byId.get(callback[1] as string);
      if (!pending || pending.callbackAt !== undefined) return;
      pending.callbackAt = now;
      const type = request.body?.type;
      if (request.status >= 400) {
        pending.failed = true;
        pending.finalAt = now;
        pending.done();
      } else if (type === 5 || type === 6) {
        pending.deferred = true;
      } else {
        pending.ephemeral = ((request.body?.data?.flags ?? 0) & 64) !== 0;
        pending.finalAt = now;
        pending.done();
      }
      return;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(request.path);
    if (webhook && (request.method === "PATCH" || request.method === "POST")) {
      const pending = byToken.get(webhook[1] as string);
      if (!pending?.deferred || pending.finalAt !== undefined) return;
      pending.finalAt = now;
      pending.ephemeral = ((request.body?.flags ?? 0) & 64) !== 0;
      pending.failed = request.status >= 400;
      pending.done();
    }
  });
  return (kind: InteractionKind, start: () => InteractionRecord): Promise<Pending> =>
    new Promise((resolve) => {
      const pending: Pending = {
        kind,
        sentAt: performance.now(),
        deferred: false,
        ephemeral: false,
        failed: false,
        done: () => {
          clearTimeout(timer);
          resolve(pending);
        },
      };
      // The fake writes the dispatch synchronously; nothing can answer before we register.
      const record = start();
      byId.set(record.id, pending);
      byToken.set(record.token, pending);
      const timer = setTimeout(() => {
        pending.failed = true;
        resolve(pending);
      }, TIMEOUT_MS);
    });
}

async function runMix(
  fake: FakeDiscord,
  track: ReturnType<typeof tracker>,
  inputs: Inputs,
  count: number,
  concurrency: number,
  offset: number,
): Promise<{ results: Pending[]; wallMs: number }> {
  const results: Pending[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = offset + next++;
      const kind = CYCLE[i % CYCLE.length] as InteractionKind;
      results.push(await track(kind, () => send(fake, kind, i, inputs)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { results, wallMs: performance.now() - started };
}

function summarize(results: Pending[], concurrency: number, wallMs: number): E2eRun {
  const ok = results.filter((result) => !result.failed);
  const byKind: E2eRun["byKind"] = {};
  for (const kind of new Set(CYCLE)) {
    const times = ok
      .filter((result) => result.kind === kind)
      .map((result) => (result.finalAt ?? 0) - result.sentAt);
    if (times.length > 0) byKind[kind] = latency(times);
  }
  return {
    concurrency,
    n: results.length,
    callback: latency(ok.map((result) => (result.callbackAt ?? 0) - result.sentAt)),
    final: latency(ok.map((result) => (result.finalAt ?? 0) - result.sentAt)),
    deferred: results.filter((result) => result.deferred).length,
    ephemeral: results.filter((result) => result.ephemeral).length,
    failed: results.length - ok.length,
    byKind,
    wallMs,
  };
}

export async function runE2e(input: ScenarioInput): Promise<E2eResult> {
  const archive = await Archive.load({
    root: input.root,
    cacheDir: input.cacheDir,
    logger: warnLogger(),
  });
  const ids = spreadIds(archive, 300);
  const inputs: Inputs = {
    queries: readQueries(input.queriesFile).map((entry) => entry.query),
    ids,
    titles: ids.map((id, i) => {
      const title = (archive.get(id)?.title ?? "").replace(/\s+/g, "");
      return title.slice(i % 5, (i % 5) + 2 + (i % 3));
    }),
    people: runPeople(archive, { limit: 100 }).people.map((person) => person.name),
  };
  const fake = await FakeDiscord.start();
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    LOG_LEVEL: "silent",
  });
  const bot = createBot(
    localAnswerer(() => archive),
    config,
    warnLogger(),
    {
      ws: { buildIdentifyThrottler: () => NO_IDENTIFY_THROTTLE },
    },
  );
  await bot.start();
  const track = tracker(fake);
  const warmup = 60;
  note(`e2e: ${archive.size} articles; ${warmup} warm-up interactions`);
  await runMix(fake, track, inputs, warmup, 1, 10_000);
  const runs: E2eRun[] = [];
  for (const concurrency of [1, 4]) {
    note(`e2e: ${input.interactions} interactions, ${concurrency} at a time`);
    const { results, wallMs } = await runMix(
      fake,
      track,
      inputs,
      input.interactions,
      concurrency,
      0,
    );
    runs.push(summarize(results, concurrency, wallMs));
  }
  await bot.stop();
  await fake.close();
  return { scenario: "e2e", articles: archive.size, warmup, runs, maxRss: peakRss() };
}
