import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryLine } from "../../src/answers/summary.js";
import { format } from "../../src/app/i18n.js";
import { runQuotes, runSummary } from "../../src/app/service.js";
import { Archive } from "../../src/articles/archive.js";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import { parseConfig } from "../../src/config.js";
import { localAnswerer } from "../../src/discord/answerer.js";
import { type Bot, type BotOptions, createBot } from "../../src/discord/bot.js";
import { createMemoryLogger } from "../../src/logger.js";
import {
  DEFAULT_USER,
  FakeDiscord,
  type InteractionRecord,
  NO_IDENTIFY_THROTTLE,
  STRANGER,
} from "../fake-discord.js";
import { makeArticle } from "../helpers.js";

/**
 * End to end: the real discord.js Client, built by createBot, against the fake Discord. The
 * archive is the seed article plus hand-made filler articles (older than the seed) so that
 * lists and searches have several pages.
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
const seed = parseArticle(readFileSync(`seeds/${SEED_FILE}`, "utf8"), SEED_FILE);

function filler(i: number): Article {
  const day = String(i + 1).padStart(2, "0");
  return makeArticle({
    id: `n900000${String(i).padStart(2, "0")}`,
    title: `测试稿${i}：北约与欧洲安全`,
    date: `2021-12-${day}`,
    paragraphs: [
      `第${i}篇测试稿。北约官员在布鲁塞尔开会，讨论欧洲安全。`,
      `会议持续了${i + 1}小时。`,
    ],
    url: `https://www.epochtimes.com/gb/21/12/${i + 1}/n900000${String(i).padStart(2, "0")}.htm`,
    file: `filler-${i}.txt`,
  });
}

const FILLERS = 24;
const logger = createMemoryLogger();
let fake: FakeDiscord;
let bot: Bot;
let archive: Archive;
let broken = false;
let clockOffset = 0;
const botOptions: BotOptions = {
  ws: { buildIdentifyThrottler: () => NO_IDENTIFY_THROTTLE },
  now: () => Date.now() + clockOffset,
};

beforeAll(async () => {
  archive = Archive.fromArticles([seed, ...Array.from({ length: FILLERS }, (_, i) => filler(i))]);
  fake = await FakeDiscord.start();
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    LOG_LEVEL: "silent",
  });
  const getArchive = () => {
    if (broken) throw new Error("the archive broke (test)");
    return archive;
  };
  bot = createBot(localAnswerer(getArchive), config, logger, botOptions);
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const seedText = seed.paragraphs.join("\n");
const str = (name: string, value: string) => ({ name, type: 3, value });
const int = (name: string, value: number) => ({ name, type: 4, value });

/** The embed of an answer, with the answer's body. */
async function embedOf(record: InteractionRecord) {
  const { body, ephemeral } = await fake.answer(record);
  return {
    body,
    ephemeral,
    embed: body.embeds?.[0] ?? {},
    buttons: (body.components ?? []).flatMap((row: { components: unknown[] }) => row.components),
  };
}

describe("connection", () => {
  it("identifies with the Guilds intent only and answers over REST at DISCORD_API_BASE", () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]?.intents).toBe(1);
    expect(fake.identifies[0]?.shard).toEqual([0, 1]);
    expect(fake.requests.some((request) => request.path === "/gateway/bot")).toBe(true);
  });
});

describe("commands on the seed", () => {
  it("/search 北约 finds the seed with a marked snippet and a link", async () => {
    const { body, embed, buttons, ephemeral } = await embedOf(
      fake.command("search", [str("query", "北约")]),
    );
    expect(ephemeral).toBe(false);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title).toContain("北约");
    expect(embed.description).toContain(`(${seed.url})`);
    expect(embed.description).toMatch(/^> .*\*\*北约\*\*/m);
    expect(buttons.some((button: { url?: string }) => button.url === seed.url)).toBe(true);
  });

  it("/summary gives three sentences of the newest article (the seed) with its link", async () => {
    const { embed, buttons } = await embedOf(fake.command("summary"));
    expect(embed.title).toBe(seed.title);
    expect(embed.url).toBe(seed.url);
    const numbered = [...String(embed.description).matchAll(/^\*\*(\d+)\.\*\* (.+)$/gm)];
    expect(numbered.map((match) => match[1])).toEqual(["1", "2", "3"]);
    const expected = runSummary(archive, {}).sentences;
    expect(expected).toHaveLength(3);
    for (const sentence of expected) {
      expect(summaryLine(seedText)).toContain(sentence);
      expect(embed.description).toContain(sentence.replace(/[*_`~|]/g, "\\$&"));
    }
    expect(buttons).toEqual([
      expect.objectContaining({ style: 5, url: seed.url }),
      expect.objectContaining({ custom_id: `ask;${seed.id}`, label: "就此文提问" }),
    ]);
  });

  it("/summary article:<id> sentences:5 gives five sentences", async () => {
    const { embed } = await embedOf(
      fake.command("summary", [str("article", seed.id), int("sentences", 5)]),
    );
    expect([...String(embed.description).matchAll(/^\*\*\d+\.\*\* /gm)]).toHaveLength(5);
  });

  it("an article typed without picking a suggestion names it when exactly one title matches", async () => {
    const { embed } = await embedOf(fake.command("summary", [str("article", "日内瓦会谈")]));
    expect(embed.url).toBe(seed.url);
  });

  it.each([
    [
      "zh-CN",
      "测试稿",
      "不止一篇文章符合“测试稿”，例如：2021-12-24 测试稿23：北约与欧洲安全（n90000023）",
    ],
    ["zh-TW", "测试稿", "請從列表中選一篇，或輸入文章編號（例如 n90000023）。"],
    ["en-US", "2021-12", "More than one article matches “2021-12”, e.g. 2021-12-24"],
  ])(
    "an article typed that matches several says so and shows some (%s), never 'not found'",
    async (locale, typed, expected) => {
      const { body, ephemeral } = await fake.answer(
        fake.command("summary", [str("article", typed)], { locale }),
      );
      expect(ephemeral).toBe(true);
      expect(body.content).toContain(expected);
      expect(body.content).not.toMatch(/找不到|No article/);
    },
  );

  it("/quotes 谢尔曼 gives the five quotes of the seed, each from the article", async () => {
    const { embed, buttons } = await embedOf(fake.command("quotes", [str("person", "谢尔曼")]));
    const shown = [...String(embed.description).matchAll(/^> (.+)$/gm)].map((match) => match[1]);
    expect(shown).toHaveLength(5);
    const quotes = runQuotes(archive, { person: "谢尔曼" }).quotes;
    expect(quotes).toHaveLength(5);
    for (const quote of quotes) {
      for (const part of quote.text.split("\n")) expect(seedText).toContain(part);
      expect(shown).toContain(quote.text.replace(/\n+/g, " "));
    }
    expect(embed.title).toContain("谢尔曼");
    expect(buttons.some((button: { url?: string }) => button.url === seed.url)).toBe(true);
  });

  it("/source gives the seed's link", async () => {
    const { embed, buttons } = await embedOf(fake.command("source", [str("article", seed.id)]));
    expect(embed.url).toBe(seed.url);
    expect(embed.description).toContain(String(seed.url));
    expect(buttons).toEqual([expect.objectContaining({ style: 5, url: seed.url, label: "原文" })]);
  });

  it("/ask answers with sentences from the articles, or says why not", async () => {
    const { embed, ephemeral } = await embedOf(
      fake.command("ask", [str("question", "谁领导了美国代表团？")]),
    );
    expect(ephemeral).toBe(false);
    expect(embed.title).toBe("问：谁领导了美国代表团？");
    expect(String(embed.description).length).toBeGreaterThan(0);
  });

  it("/help answers in the member's locale", async () => {
    const zh = await embedOf(fake.command("help"));
    expect(zh.embed.title).toBe(format("zh-CN", "help.title"));
    expect(zh.embed.description).toContain("`/搜索 关键词 [数量]`");
    const en = await embedOf(fake.command("help", [], { locale: "en-US" }));
    expect(en.embed.title).toBe(format("en-US", "help.title"));
    expect(en.embed.description).toContain("`/quotes person [article]`");
    const tw = await embedOf(fake.command("help", [], { locale: "zh-TW" }));
    expect(tw.embed.description).toContain("`/引語 人物 [文章]`");
    expect(zh.embed.description).toContain("想看一条命令的详细说明：`/帮助 命令:搜索`");
  });

  it.each([
    [
      "search",
      "zh-CN",
      "/搜索",
      /^`\/搜索 关键词 \[数量\]`\n[^\n]+\n[\s\S]*^ {2}`数量` {2}最多显示多少篇（1–50，默认 10）$/m,
    ],
    ["搜索", "zh-CN", "/搜索", /`关键词` {2}要搜索的词.*（必填）/],
    ["/quotes", "en-US", "/quotes", /`person` {2}Any spelling of the name.* \(required\)/],
    ["搜尋", "zh-TW", "/搜尋", /`數量` {2}最多顯示多少篇（1–50，預設 10）/],
  ])("/help command:%s explains that one command in %s", async (topic, locale, title, line) => {
    const { embed, ephemeral } = await embedOf(
      fake.command("help", [str("command", topic)], { locale }),
    );
    expect(ephemeral).toBe(false);
    expect(embed.title).toBe(title);
    expect(embed.description).toMatch(line);
  });

  it.each([
    ["zh-CN", "数量 必须是 1 到 200 之间的整数。"],
    ["zh-TW", "數量 必須是 1 到 200 之間的整數。"],
    ["en-US", "limit must be a whole number from 1 to 200."],
  ])("a value out of range is named as the %s client shows the option", async (locale, text) => {
    const { body, ephemeral } = await fake.answer(
      fake.command("search", [str("query", "北约"), int("limit", 500)], { locale }),
    );
    expect(ephemeral).toBe(true);
    expect(body.content).toBe(text);
  });

  it.each([
    ["search", [str("query", "**北约**")], "搜索“\\*\\*北约\\*\\*”：找到 25 篇文章"],
    [
      "ask",
      [str("question", "@everyone 会谈持续了多久？")],
      "问：@\u200beveryone 会谈持续了多久？",
    ],
  ])(
    "/%s echoes what was typed in its title as typed: no markdown, no ping",
    async (name, options, title) => {
      const { body, embed } = await embedOf(fake.command(name, options));
      expect(embed.title).toBe(title);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    },
  );

  it.each([
    ["quotes", [str("person", "某人 @everyone 某")], "没有找到 某人 @\u200beveryone 某 的引语。"],
    ["summary", [str("article", "<@123456789012345678>")], "找不到文章 \\<@123456789012345678>。"],
    ["search", [str("query", "__x__ -y")], "搜索不支持"],
  ])("/%s quotes what was typed in its error escaped", async (name, options, text) => {
    const { body, ephemeral } = await fake.answer(fake.command(name, options));
    expect(ephemeral).toBe(true);
    expect(body.content).toContain(text);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("/help for a command that does not exist says so, ephemerally", async () => {
    const { body, ephemeral } = await fake.answer(fake.command("help", [str("command", "serch")]));
    expect(ephemeral).toBe(true);
    expect(body.content).toMatch(/不认识命令 serch。/);
  });
});

describe("autocomplete", () => {
  const choicesOf = async (record: InteractionRecord) => {
    const callback = await fake.response(record);
    expect(callback.body.type).toBe(8);
    return callback.body.data.choices as Array<{ name: string; value: string }>;
  };

  it.each([
    ["part of a title", "日内瓦"],
    ["traditional script", "日內瓦"],
    ["an id", "13495457"],
    ["a date", "2022-01"],
  ])("suggests the seed for %s", async (_case, typed) => {
    const choices = await choicesOf(
      fake.autocomplete("summary", [{ name: "article", type: 3, value: typed, focused: true }]),
    );
    expect(choices[0]).toEqual({ name: expect.stringContaining("美俄日内瓦会谈"), value: seed.id });
  });

  it("lists at most 25 articles, newest first, when nothing is typed", async () => {
    const choices = await choicesOf(
      fake.autocomplete("source", [{ name: "article", type: 3, value: "", focused: true }]),
    );
    expect(choices).toHaveLength(25);
    expect(choices[0]?.value).toBe(seed.id);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it("answers nothing for a title nobody wrote", async () => {
    expect(
      await choicesOf(
        fake.autocomplete("summary", [
          { name: "article", type: 3, value: "量子计算机", focused: true },
        ]),
      ),
    ).toEqual([]);
  });

  it.each([["谢"], ["Sherman"], ["謝爾曼"]])("suggests 谢尔曼 for %s", async (typed) => {
    const choices = await choicesOf(
      fake.autocomplete("quotes", [{ name: "person", type: 3, value: typed, focused: true }]),
    );
    expect(choices.map((choice) => choice.value)).toContain("谢尔曼");
  });

  it.each([
    // Offered under the name being typed, so the answer is headed as the member wrote it.
    ["舍", "舍曼", /^舍曼（谢尔曼、/],
    ["温迪", "温迪‧谢尔曼", /^温迪‧谢尔曼（谢尔曼、/],
    ["wendy", "Wendy Sherman", /^Wendy Sherman（谢尔曼、/],
    // Not a name of theirs (the English surname finds them): their most used name.
    ["Sherman", "谢尔曼", /^谢尔曼（/],
  ])("offers %s as %s", async (typed, value, name) => {
    const choices = await choicesOf(
      fake.autocomplete("quotes", [{ name: "person", type: 3, value: typed, focused: true }]),
    );
    expect(choices[0]?.value).toBe(value);
    expect(choices[0]?.name).toMatch(name);
  });

  it("/help offers the commands by any of their names", async () => {
    const choices = await choicesOf(
      fake.autocomplete("help", [{ name: "command", type: 3, value: "引語", focused: true }]),
    );
    expect(choices).toEqual([{ name: "quotes · 引语 · 引語", value: "quotes" }]);
  });
});

describe("paging", () => {
  const pageButtons = (buttons: Array<{ custom_id?: string; disabled?: boolean; style: number }>) =>
    buttons.filter((button) => button.custom_id?.startsWith("pg;"));

  it("/articles pages by buttons; only the member who asked can page", async () => {
    const first = fake.command("articles");
    const page1 = await embedOf(first);
    expect(page1.embed.title).toContain(String(FILLERS + 1));
    expect(page1.embed.footer?.text).toBe("第 1/3 页");
    const [previous, next] = pageButtons(page1.buttons);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);

    const click = fake.click(first, String(next?.custom_id));
    const page2 = await fake.response(click);
    expect(page2.body.type).toBe(7);
    const embed2 = page2.body.data.embeds[0];
    expect(embed2.footer.text).toBe("第 2/3 页");
    expect(embed2.description).not.toBe(page1.embed.description);
    expect(embed2.description).not.toContain(seed.id);
    const [previous2] = pageButtons(
      page2.body.data.components.flatMap((row: { components: unknown[] }) => row.components),
    );
    expect(previous2?.disabled).toBe(false);

    const stranger = fake.click(first, String(next?.custom_id), { user: STRANGER });
    const refusal = await fake.answer(stranger);
    expect(refusal.ephemeral).toBe(true);
    expect(refusal.body.content).toBe(
      format("zh-CN", "bot.notYours", { owner: `<@${DEFAULT_USER.id}>` }),
    );
    expect(refusal.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("/search 北约 limit:20 shows every result once over its pages", async () => {
    const first = fake.command("search", [str("query", "北约"), int("limit", 20)]);
    let answer = await embedOf(first);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      seen.push(
        ...[...String(answer.embed.description).matchAll(/^\*\*(\d+)\.\*\*/gm)].map((match) =>
          String(match[1]),
        ),
      );
      const next = pageButtons(answer.buttons)[1];
      if (!next || next.disabled) break;
      const click = fake.click(first, String(next.custom_id));
      const response = await fake.response(click);
      const data = response.body.type === 7 ? response.body.data : (await fake.answer(click)).body;
      answer = {
        ...answer,
        embed: data.embeds[0],
        buttons: data.components.flatMap((row: { components: unknown[] }) => row.components),
      };
      expect(page).toBeLessThan(10);
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it("buttons expire and then say so", async () => {
    const first = fake.command("articles");
    const page1 = await embedOf(first);
    const next = pageButtons(page1.buttons)[1];
    clockOffset = 11 * 60_000;
    try {
      const click = fake.click(first, String(next?.custom_id));
      const update = await fake.response(click);
      expect(update.body.type).toBe(7);
      const buttons = update.body.data.components.flatMap(
        (row: { components: Array<{ disabled?: boolean }> }) => row.components,
      );
      expect(buttons.every((button: { disabled?: boolean }) => button.disabled)).toBe(true);
      await expect.poll(() => click.followUps.length).toBe(1);
      expect(click.followUps[0]?.content).toBe(format("zh-CN", "bot.expired"));
      expect(click.followUps[0]?.flags & 64).toBe(64);
    } finally {
      clockOffset = 0;
    }
  });
});

describe("asking about one article", () => {
  const QUESTION = "会谈持续了多久？";
  /** The seed's sentence on how long the talks lasted, found in the seed's own text. */
  const sevenHours = seed.paragraphs
    .flatMap((paragraph) => paragraph.split(/(?<=[。！？])/))
    .find((sentence) => /7小时/.test(sentence));
  const askButtons = (buttons: Array<{ custom_id?: string; label?: string }>) =>
    buttons.filter((button) => button.custom_id?.startsWith("ask;"));

  /** Clicks a question button and returns the click, after checking the modal it opened. */
  async function openModal(on: InteractionRecord, customId: string, locale = "zh-CN") {
    const click = fake.click(on, customId, { user: STRANGER, locale });
    const callback = await fake.response(click);
    expect(callback.body.type).toBe(9);
    return click;
  }

  it("/ask question article:<id> answers from that article alone", async () => {
    expect(sevenHours).toBeDefined();
    const filler3 = archive.get("n90000003");
    expect(filler3?.paragraphs.join("")).toContain("会议持续了4小时");
    const onSeed = await embedOf(
      fake.command("ask", [str("question", QUESTION), str("article", seed.id)]),
    );
    expect(onSeed.embed.description).toContain("7小时");
    expect(onSeed.embed.description).not.toContain("4小时");
    expect(onSeed.embed.description).toContain(seed.title);
    const onFiller = await embedOf(
      fake.command("ask", [str("question", QUESTION), str("article", "n90000003")]),
    );
    expect(onFiller.embed.description).toContain("会议持续了4小时");
    expect(onFiller.embed.description).not.toContain("7小时");
  });

  it("/ask autocompletes its article option", async () => {
    const callback = await fake.response(
      fake.autocomplete("ask", [
        { name: "question", type: 3, value: QUESTION },
        { name: "article", type: 3, value: "日内瓦", focused: true },
      ]),
    );
    expect(callback.body.data.choices[0]).toEqual(expect.objectContaining({ value: seed.id }));
  });

  it("/search shows one question button per result on the page, numbered like the results", async () => {
    const { buttons, embed } = await embedOf(fake.command("search", [str("query", "北约")]));
    const numbers = [...String(embed.description).matchAll(/^\*\*(\d+)\.\*\*/gm)].map(
      (match) => match[1],
    );
    const asks = askButtons(buttons);
    expect(numbers.length).toBeGreaterThan(1);
    expect(asks).toHaveLength(numbers.length);
    expect(asks.map((button) => button.label)).toEqual(numbers.map((n) => `就第 ${n} 篇提问`));
    for (const button of asks) {
      expect(archive.get(String(button.custom_id).slice("ask;".length))).toBeDefined();
      expect(String(button.custom_id).length).toBeLessThanOrEqual(100);
    }
  });

  it("a search with a single result gets the plain label, in the member's locale", async () => {
    const { buttons } = await embedOf(
      fake.command("search", [str("query", "谢尔曼")], { locale: "zh-TW" }),
    );
    expect(askButtons(buttons)).toEqual([
      expect.objectContaining({ custom_id: `ask;${seed.id}`, label: "就此文提問" }),
    ]);
  });

  it("anyone may click; the modal has one text input limited like /ask's question", async () => {
    const summary = fake.command("summary");
    await embedOf(summary);
    const click = await openModal(summary, `ask;${seed.id}`, "en-US");
    const modal = click.modal;
    expect(modal.custom_id).toMatch(/^asq;/);
    expect(modal.title).toMatch(/^Ask about this article/);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(1);
    const inputs = modal.components[0].components;
    expect(inputs).toEqual([
      expect.objectContaining({
        type: 4,
        custom_id: "question",
        label: "Your question",
        required: true,
        max_length: 300,
      }),
    ]);
  });

  it("submitting the modal answers about that article, seen by the member who asked", async () => {
    const search = fake.command("search", [str("query", "北约")]);
    const { buttons } = await embedOf(search);
    const seedButton = askButtons(buttons).find((button) => button.custom_id === `ask;${seed.id}`);
    expect(seedButton).toBeDefined();
    const click = await openModal(search, String(seedButton?.custom_id));
    const submit = fake.submitModal(click, { question: QUESTION }, { user: STRANGER });
    const { body, ephemeral } = await fake.answer(submit);
    expect(ephemeral).toBe(true);
    const embed = body.embeds[0];
    expect(embed.title).toBe(`问：${QUESTION}`);
    expect(embed.description).toContain(seed.title);
    expect(embed.description).toContain(
      String(sevenHours)
        .slice(0, 20)
        .replace(/[*_`~|]/g, "\\$&"),
    );
    expect(embed.description).not.toContain("4小时");
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("a filler's button answers from the filler, not from the seed", async () => {
    const summary = fake.command("summary", [str("article", "n90000003")]);
    const { buttons } = await embedOf(summary);
    const click = await openModal(summary, String(askButtons(buttons)[0]?.custom_id));
    const { body } = await fake.answer(fake.submitModal(click, { question: QUESTION }));
    expect(body.embeds[0].description).toContain("会议持续了4小时");
    expect(body.embeds[0].description).not.toContain("7小时");
  });

  it.each([
    ["an empty question", "   ", "zh-CN", "ask.empty", {}],
    ["an over-long question", "会".repeat(301), "zh-CN", "ask.tooLong", { length: 301, max: 300 }],
    ["an empty question in English", "", "en-US", "ask.empty", {}],
  ] as const)(
    "%s gets a short localised message",
    async (_case, question, locale, code, params) => {
      const summary = fake.command("summary");
      await embedOf(summary);
      const click = await openModal(summary, `ask;${seed.id}`);
      const { body, ephemeral } = await fake.answer(
        fake.submitModal(click, { question }, { locale }),
      );
      expect(ephemeral).toBe(true);
      expect(body.content).toBe(format(locale, code, params));
    },
  );

  it("a deferred question is deferred ephemerally and edited in; the button never defers", async () => {
    const summary = fake.command("summary");
    await embedOf(summary);
    botOptions.defer = "always";
    try {
      const click = await openModal(summary, `ask;${seed.id}`);
      const submit = fake.submitModal(click, { question: QUESTION });
      const callback = await fake.response(submit);
      expect(callback.body.type).toBe(5);
      expect(callback.body.data.flags & 64).toBe(64);
      const { body, ephemeral } = await fake.answer(submit);
      expect(ephemeral).toBe(true);
      expect(body.embeds[0].description).toContain("7小时");

      const empty = fake.submitModal(click, { question: "" });
      await expect.poll(() => empty.followUps.length).toBe(1);
      expect(empty.followUps[0]?.flags & 64).toBe(64);
      expect(empty.followUps[0]?.content).toBe(format("zh-CN", "ask.empty"));
    } finally {
      botOptions.defer = "auto";
    }
  });

  it("an unknown article in a crafted button or modal id gets a clear message, never a crash", async () => {
    const summary = fake.command("summary");
    await embedOf(summary);
    const failures = () =>
      logger.lines.filter((line) => /failed|Could not answer/.test(line)).length;
    const failuresBefore = failures();
    for (const customId of ["ask;n404404", "ask;"]) {
      const { body, ephemeral } = await fake.answer(fake.click(summary, customId));
      expect(ephemeral).toBe(true);
      expect(body.content).toContain("找不到文章");
      expect(body.content).toContain("/文章");
    }
    const click = await openModal(summary, `ask;${seed.id}`);
    const forged = await fake.answer(
      fake.submitModal(click, { question: QUESTION }, { customId: "asq;n404404", locale: "zh-TW" }),
    );
    expect(forged.ephemeral).toBe(true);
    expect(forged.body.content).toContain("找不到文章 n404404");
    const stray = await fake.answer(
      fake.submitModal(click, { question: QUESTION }, { customId: "something-else" }),
    );
    expect(stray.body.content).toBe(format("zh-CN", "bot.unknownButton"));
    const missing = await fake.answer(fake.submitModal(click, {}));
    expect(missing.body.content).toBe(format("zh-CN", "ask.empty"));
    expect(failures()).toBe(failuresBefore);
  });
});

describe("abuse and errors", () => {
  it("a query with @everyone pings nobody", async () => {
    const record = fake.command("search", [str("query", "@everyone 北约 <@&300000000000000009>")]);
    const { body } = await fake.answer(record);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const quoted = await fake.answer(fake.command("quotes", [str("person", "某人 @everyone")]));
    expect(quoted.ephemeral).toBe(true);
    // Shown as typed, with a zero-width space that keeps it from reading as a mention.
    expect(quoted.body.content).toContain("@\u200beveryone");
    expect(quoted.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("an over-long query gets a short ephemeral message", async () => {
    const { body, ephemeral } = await fake.answer(
      fake.command("search", [str("query", "北约".repeat(150))]),
    );
    expect(ephemeral).toBe(true);
    expect(body.content).toMatch(/太长（300 字），最多 200 字/);
    expect(body.embeds ?? []).toEqual([]);
  });

  it.each([
    [
      "zh-CN",
      "https://www.epochtimes.com/gb/22/1/10/n13495457.htm",
      "这个链接是一篇文章：美俄日内瓦会谈",
    ],
    ["zh-TW", "n13495457", "「n13495457」是一篇文章的編號：美俄日内瓦会谈"],
    ["zh-CN", "https://example.com/news", "搜索词是一个链接，不是词语。"],
    ["zh-CN", "北约 -测试稿", "搜索不支持 OR、AND、NOT，也不能用“-”排除词语"],
    ["en-US", "北约 OR 日内瓦", "Search does not take OR, AND, NOT"],
  ])("/search (%s) %s says why instead of a misleading list", async (locale, query, expected) => {
    const { body, ephemeral } = await fake.answer(
      fake.command("search", [str("query", query)], { locale }),
    );
    expect(ephemeral).toBe(true);
    expect(body.content).toContain(expected);
    expect(body.embeds ?? []).toEqual([]);
  });

  it("/ask with an article's link pasted before the question answers from that article", async () => {
    const { embed } = await embedOf(
      fake.command("ask", [str("question", `${seed.url} 谁领导了美国代表团？`)]),
    );
    expect(embed.title).toBe("问：谁领导了美国代表团？");
    expect(embed.description).toMatch(/^只在这篇文章里找：\[美俄日内瓦会谈/);
  });

  it("/quotes person article:<id> names the article it looked in, with its link", async () => {
    const none = await embedOf(
      fake.command("quotes", [str("person", "谢尔曼"), str("article", "n90000003")]),
    );
    expect(none.embed.title).toContain("没有找到引语");
    expect(none.embed.description).toContain("只在这篇文章里找：[测试稿3：北约与欧洲安全](");
    const some = await embedOf(
      fake.command("quotes", [str("person", "谢尔曼"), str("article", "n13495457")]),
    );
    expect(some.embed.description).toMatch(/^只在这篇文章里找：\[美俄日内瓦会谈/);
  });

  it("an unknown article id gets a short ephemeral message with a hint, in the member's script", async () => {
    const zh = await fake.answer(fake.command("summary", [str("article", "n999")]));
    expect(zh.ephemeral).toBe(true);
    expect(zh.body.content).toContain("找不到文章 n999");
    expect(zh.body.content).toContain("用 /文章 查看文章列表");
    const tw = await fake.answer(
      fake.command("source", [str("article", "n999")], { locale: "zh-TW" }),
    );
    expect(tw.body.content).toContain("文章列表");
  });

  it("/articles page:N opens that page; past the end it says how many pages there are", async () => {
    const second = await embedOf(fake.command("articles", [int("page", 2)]));
    expect(second.embed.footer?.text).toBe("第 2/3 页");
    const zh = await fake.answer(fake.command("articles", [int("page", 9)]));
    expect(zh.ephemeral).toBe(true);
    expect(zh.body.content).toBe("只有 3 页，没有第 9 页。");
    const en = await fake.answer(fake.command("articles", [int("page", 9)], { locale: "en-US" }));
    expect(en.body.content).toBe("There are only 3 pages, no page 9.");
    const tw = await fake.answer(fake.command("articles", [int("page", 9)], { locale: "zh-TW" }));
    expect(tw.body.content).toBe("只有 3 頁，沒有第 9 頁。");
  });

  it("the core's errors reach an English-speaking member in English", async () => {
    const { body } = await fake.answer(
      fake.command("search", [str("query", "北约".repeat(150))], { locale: "en-US" }),
    );
    expect(body.content).toBe("The query is too long (300 characters; at most 200).");
  });

  it("an unknown command is answered, not ignored", async () => {
    const { body, ephemeral } = await fake.answer(fake.command("nosuch"));
    expect(ephemeral).toBe(true);
    expect(body.content).toBe(format("zh-CN", "bot.unknownCommand"));
  });

  it("a bug is logged with its stack and answered generically", async () => {
    broken = true;
    try {
      const { body, ephemeral } = await fake.answer(
        fake.command("summary", [], { locale: "en-US" }),
      );
      expect(ephemeral).toBe(true);
      expect(body.content).toBe(format("en-US", "bot.internalError"));
      expect(
        logger.lines.some((line) => line.includes("/summary failed") && line.includes("at ")),
      ).toBe(true);
    } finally {
      broken = false;
    }
  });

  it("deferred work is edited in; an error after a deferral is ephemeral", async () => {
    botOptions.defer = "always";
    try {
      const record = fake.command("source", [str("article", seed.id)]);
      const callback = await fake.response(record);
      expect(callback.body.type).toBe(5);
      const { body } = await fake.answer(record);
      expect(body.embeds[0].url).toBe(seed.url);
      expect(body.allowed_mentions).toEqual({ parse: [] });

      const failing = fake.command("summary", [str("article", "n999")]);
      expect((await fake.response(failing)).body.type).toBe(5);
      await expect.poll(() => failing.followUps.length).toBe(1);
      expect(failing.followUps[0]?.flags & 64).toBe(64);
      expect(failing.followUps[0]?.content).toContain("找不到文章");
      expect(failing.requests.some((request) => request.method === "DELETE")).toBe(true);
    } finally {
      botOptions.defer = "auto";
    }
  });

  it("every message the bot sent parsed no mentions and fit Discord's limits", () => {
    const sent = fake.requests.filter(
      (request) =>
        request.method !== "GET" &&
        request.body &&
        (request.body.data?.embeds ||
          request.body.data?.content ||
          request.body.embeds ||
          request.body.content),
    );
    expect(sent.length).toBeGreaterThan(10);
    for (const request of sent) {
      expect(request.status).toBeLessThan(300);
      const message = request.body.data ?? request.body;
      expect(message.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
