/**
 * Lists candidate archive articles for the quotes benchmark by phenomenon and picks the dev and
 * test sets, deterministically (a fixed seed orders every list; no randomness, no clock).
 *
 *   node bench/quotes/select.mjs [ARCHIVE_PAGES]           # candidates per phenomenon + the pick
 *   node bench/quotes/select.mjs [ARCHIVE_PAGES] --write   # also writes bench/quotes/selection.json
 *
 * ARCHIVE_PAGES is the unpacked archive's pages/ folder (required: this script reads no tarball).
 * The detectors are rough regular expressions over the page text: they only propose articles;
 * every quote is then annotated by reading the article (PROTOCOL.md). Excluded: January 2022 (the
 * month the project is developed on), articles without a 2020–2022 dateline, and every id of
 * test/fixtures/quotes-annotated/annotations.json.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SEED = "dubao-quotes-bench-v2:";
const DEV_SIZE = 64;
const TEST_SIZE = 34;
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error(
    "usage: node bench/quotes/select.mjs ARCHIVE_PAGES [--write]  (the unpacked archive's pages/ folder)",
  );
  process.exit(2);
}
const write = args.includes("--write");

const annotated = JSON.parse(
  readFileSync(
    join(here, "..", "..", "test", "fixtures", "quotes-annotated", "annotations.json"),
    "utf8",
  ),
);
const excluded = new Set(annotated.articles.map((a) => a.id));

/** Phenomena an article may show; each detector sees the body paragraphs as plain text. */
const HAN = "\\u4e00-\\u9fff";
const SPEECH = "(说|表示|称|指出|强调|认为|写道|告诉|透露|坦言|回应|补充)";
const DETECTORS = {
  interview: (ps) =>
    ps.filter((p) => new RegExp(`^[${HAN}A-Za-z]{2,6}[：:]`).test(p) && p.length > 25).length >= 4,
  "multi-paragraph": (ps) => ps.some((p, i) => /“[^”]*$/.test(p) && /^“/.test(ps[i + 1] ?? "")),
  pronoun: (ps) =>
    ps.some(
      (p) =>
        /(他|她)(还|又|也|则)?(说|表示|指出|强调)[：，]“/.test(p) ||
        /”(他|她)(还|又)?(说|表示)/.test(p),
    ),
  organisation: (ps) =>
    ps.some((p) => /(声明|公告|通报|报告|社论)(中)?(说|称|指出|表示)[：，]?“/.test(p)),
  "scare-quote": (ps) => ps.filter((p) => /“[^”]{1,4}”/.test(p)).length >= 3,
  "japanese-name": (ps) =>
    ps.some((p) =>
      /(岸田文雄|安倍晋三|菅义伟|茂木敏充|岸信夫|河野太郎|麻生太郎|高市早苗|林芳正|小池百合子|松野博一|加藤胜信|石破茂|枝野幸男|西村康稔|田村宪久|尾身茂|吉田|山口|佐藤|铃木|田中|中村|小林|渡边)/.test(
        p,
      ),
    ),
  "english-only-name": (ps) =>
    ps.some((p) => new RegExp(`(^|[^（(A-Za-z])[A-Z][a-z]+ [A-Z][a-z]+${SPEECH}`).test(p)),
  "dot-name": (ps) => ps.some((p) => new RegExp(`[${HAN}][‧·・．][${HAN}]{2,}${SPEECH}`).test(p)),
  partial: (ps) =>
    ps.some((p) =>
      /(称|指|批评|形容|表示|认为)[^：:“]{0,12}“[^”]{2,24}”[^。，]{0,2}[^\s。”]/.test(p),
    ),
  "speaker-after": (ps) => ps.some((p) => new RegExp(`”[${HAN}]{2,10}${SPEECH}。`).test(p)),
  "alias-note": (ps) => ps.some((p) => /化名|又译|又称|[某][先女]/.test(p)),
  "title-surname": (ps) =>
    ps.some((p) =>
      new RegExp(`[${HAN}](总统|总理|医生|参议员|部长|教授|议员|先生|女士)${SPEECH}`).test(p),
    ),
  subheading: (ps) =>
    ps.some(
      (p, i) =>
        i + 1 < ps.length &&
        !/编辑|记者|来源/.test(p) &&
        new RegExp(`^[${HAN}]{2,8}：[^“「]{2,16}$`).test(p),
    ),
};

/**
 * A real transcript: at least two speaker labels (`杨杰凯：`), each opening two paragraphs or more
 * (the `interview` detector above also fires on lists of `短语：…` tips and on hosts' questions).
 */
function isTranscript(paragraphs) {
  const counts = new Map();
  for (const p of paragraphs) {
    const label = new RegExp(`^([${HAN}]{2,5})[：:]`).exec(p)?.[1];
    // `钟剑华说：“…”` is a quote, not a turn.
    if (!label || p.length <= 25 || new RegExp(`${SPEECH}$|说$`).test(label)) continue;
    if (/^[“「]/.test(p.slice(label.length + 1))) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n >= 2).length >= 2;
}

/** Phenomena used only by the supplement below (adding them to DETECTORS would change the pick). */
const EXTRA_DETECTORS = {
  transcript: isTranscript,
  // A second spelling of a person's name: `又译` inside the brackets after a name.
  "yiyi-name": (ps) => ps.some((p) => new RegExp(`[${HAN}]（[^）]{0,30}又译`).test(p)),
  // A `某` form speaking: `张某说`, `李某（化名）表示`.
  "mou-name": (ps) =>
    ps.some((p) => new RegExp(`[${HAN}]某(（化名）)?(说|表示|称|告诉|透露)`).test(p)),
  // For test2 only: a generic form speaking (`李先生说`, `王女士（化名）表示`) or any 化名.
  "generic-name": (ps) =>
    ps.some((p) => new RegExp(`[${HAN}](先生|女士|小姐|某)(（化名）)?${SPEECH}|化名`).test(p)),
};

function bodyParagraphs(raw) {
  const start = raw.indexOf('id="artbody"');
  const end = raw.indexOf("原文链接");
  const body = raw.slice(Math.max(start, 0), end < 0 ? raw.length : end);
  return body
    .split(/<\/p>|<\/h[1-6]>|<br\s*\/?>/)
    .map((block) =>
      block
        .replace(/<[^>]*>/g, "")
        .replace(/&nbsp;/g, " ")
        .replace(/\s*\n\s*/g, "")
        .trim(),
    )
    .filter((p) => p.length > 0 && !p.startsWith("id=") && !p.includes("article content"));
}

const hash = (id) =>
  createHash("sha256")
    .update(SEED + id)
    .digest("hex");
const candidates = [];
const seen = new Set();
for (const channel of readdirSync(root).sort()) {
  for (const file of readdirSync(join(root, channel)).sort()) {
    if (!file.endsWith(".md")) continue;
    const id = file.replace(/\.md$/, "");
    if (excluded.has(id) || seen.has(id)) continue;
    seen.add(id);
    const raw = readFileSync(join(root, channel, file), "utf8");
    const dateline = /大纪元(20\d\d)年(\d\d)月(\d\d)日/.exec(raw.slice(0, 6000));
    if (!dateline) continue;
    const year = Number(dateline[1]);
    const month = dateline[2];
    if (year < 2020 || year > 2022 || (year === 2022 && month === "01")) continue;
    const paragraphs = bodyParagraphs(raw);
    const text = paragraphs.join("\n");
    const opens = (text.match(/[“「『]/g) ?? []).length;
    const phenomena = Object.entries(DETECTORS)
      .filter(([, detect]) => detect(paragraphs))
      .map(([name]) => name);
    const interview = phenomena.includes("interview");
    // Annotating every quote by hand: keep articles short enough to read whole.
    if (opens < 3 || text.length > (interview ? 4500 : 2600)) continue;
    candidates.push({
      id,
      path: `${channel}/${file}`,
      channel,
      year,
      opens,
      phenomena,
      extra: Object.entries(EXTRA_DETECTORS)
        .filter(([, detect]) => detect(paragraphs))
        .map(([name]) => name),
      order: hash(id),
    });
  }
}
candidates.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

/**
 * The pick: round-robin over phenomena (rarest first), each turn taking the next candidate of that
 * phenomenon in seed order whose channel and year are least used so far; then the dev set is
 * every article at an even position of the pick and the test set every odd one, until both are
 * full, so both sets cover the same phenomena.
 */
const byPhenomenon = new Map(Object.keys(DETECTORS).map((name) => [name, []]));
for (const c of candidates) for (const p of c.phenomena) byPhenomenon.get(p).push(c);
const phenomena = [...byPhenomenon.keys()].sort(
  (a, b) => byPhenomenon.get(a).length - byPhenomenon.get(b).length || a.localeCompare(b),
);
const taken = new Set();
const channelUse = new Map();
const yearUse = new Map();
const pick = [];
while (pick.length < DEV_SIZE + TEST_SIZE) {
  let progressed = false;
  for (const phenomenon of phenomena) {
    if (pick.length >= DEV_SIZE + TEST_SIZE) break;
    const pool = byPhenomenon
      .get(phenomenon)
      .filter((c) => !taken.has(c.id))
      .slice(0, 40);
    if (pool.length === 0) continue;
    const use = (c) => (channelUse.get(c.channel) ?? 0) + (yearUse.get(c.year) ?? 0);
    const best = pool.reduce((a, b) => (use(b) < use(a) ? b : a));
    taken.add(best.id);
    channelUse.set(best.channel, (channelUse.get(best.channel) ?? 0) + 1);
    yearUse.set(best.year, (yearUse.get(best.year) ?? 0) + 1);
    pick.push({ ...best, reason: phenomenon });
    progressed = true;
  }
  if (!progressed) break;
}
const entry = ({ id, path, channel, year, phenomena: found, reason }) => ({
  id,
  path,
  channel,
  year,
  reason,
  detected: found,
});
const dev = pick
  .filter((_, i) => i % 3 !== 2)
  .slice(0, DEV_SIZE)
  .map(entry);
const test = pick
  .filter((_, i) => i % 3 === 2)
  .slice(0, TEST_SIZE)
  .map(entry);

/**
 * A supplement, added after the sets were first drawn because the round-robin left the test set
 * thin on some phenomena: the next untaken candidates in seed order, per phenomenon.
 */
const SUPPLEMENT = [
  ["transcript", { dev: 1, test: 2 }],
  ["english-only-name", { dev: 0, test: 2 }],
  ["multi-paragraph", { dev: 0, test: 2 }],
  ["japanese-name", { dev: 0, test: 1 }],
  ["yiyi-name", { dev: 1, test: 1 }],
  ["mou-name", { dev: 1, test: 1 }],
];
for (const [phenomenon, counts] of SUPPLEMENT) {
  const has = (c) => c.extra.includes(phenomenon) || c.phenomena.includes(phenomenon);
  for (const [set, list] of [
    ["dev", dev],
    ["test", test],
  ]) {
    for (let k = 0; k < counts[set]; k++) {
      const next = candidates.find((c) => has(c) && !taken.has(c.id));
      if (!next) break;
      taken.add(next.id);
      list.push(entry({ ...next, reason: `supplement:${phenomenon}` }));
    }
  }
}

/**
 * test2, a second blind test set drawn after the first test set had been scored once (the
 * extractor was then being changed on the dev set): a new seed orders the candidates, and every
 * article already used anywhere is left out (the dev and test picks above, the bench/ask
 * selection and retrieval pool). Round-robin over the phenomena below (transcripts first, the
 * rest rarest first), each turn taking, among the next 40 untaken candidates of the phenomenon in
 * seed order, the one whose channel and year are least used so far. The existing picks are
 * unchanged.
 */
const SEED2 = "dubao-quotes-bench-test2:";
const TEST2_SIZE = 32;
/** The ids of bench/ask's articles: its retrieval pool and the named sets (those present). */
function askArticleIds(sets) {
  const askDir = join(here, "..", "ask");
  const selection = JSON.parse(readFileSync(join(askDir, "selection.json"), "utf8"));
  const pool = JSON.parse(readFileSync(join(askDir, "pool.json"), "utf8"));
  return new Set(
    [...sets.flatMap((set) => selection[set] ?? []), ...pool.articles].map((a) => a.id),
  );
}
const used2 = new Set([
  ...taken,
  ...dev.map((a) => a.id),
  ...test.map((a) => a.id),
  ...askArticleIds(["dev", "test"]),
]);

/** The candidates not in `used`, in the order of a seed's hashes. */
function seededOrder(seed, used) {
  const key = (id) =>
    createHash("sha256")
      .update(seed + id)
      .digest("hex");
  return candidates
    .filter((c) => !used.has(c.id))
    .map((c) => ({ c, key: key(c.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ c }) => c);
}

/**
 * Round-robin over the phenomena: each turn takes, among the next 40 untaken candidates of the
 * phenomenon in `order`, the one whose channel and year are least used so far.
 */
function roundRobin(order, phenomena, size, has, detected) {
  const picked = [];
  const taken = new Set();
  const channelUse = new Map();
  const yearUse = new Map();
  const next = (phenomenon) => {
    const pool = [];
    for (const c of order) {
      if (pool.length >= 40) break;
      if (!taken.has(c.id) && has(c, phenomenon)) pool.push(c);
    }
    return pool;
  };
  while (picked.length < size) {
    let progressed = false;
    for (const phenomenon of phenomena) {
      if (picked.length >= size) break;
      const pool = next(phenomenon);
      if (pool.length === 0) continue;
      const use = (c) => (channelUse.get(c.channel) ?? 0) + (yearUse.get(c.year) ?? 0);
      const best = pool.reduce((a, b) => (use(b) < use(a) ? b : a));
      taken.add(best.id);
      channelUse.set(best.channel, (channelUse.get(best.channel) ?? 0) + 1);
      yearUse.set(best.year, (yearUse.get(best.year) ?? 0) + 1);
      picked.push({ ...entry({ ...best, reason: phenomenon }), detected: detected(best) });
      progressed = true;
    }
    if (!progressed) break;
  }
  return picked;
}

const order2 = seededOrder(SEED2, used2);
const phenomena2 = [
  "transcript",
  "multi-paragraph",
  "pronoun",
  "organisation",
  "scare-quote",
  "japanese-name",
  "english-only-name",
  "dot-name",
  "generic-name",
  "partial",
  "speaker-after",
  "title-surname",
  "subheading",
];
const hasPhenomenon = (c, phenomenon) =>
  c.phenomena.includes(phenomenon) || c.extra.includes(phenomenon);
const test2 = roundRobin(order2, phenomena2, TEST2_SIZE, hasPhenomenon, (c) => [
  ...c.phenomena,
  ...c.extra,
]);

/**
 * A test2 supplement, added after the 32 articles above were annotated, because their counts
 * showed the round-robin had left test2 with one Japanese-named speaker and three
 * multi-paragraph quotes: the next untaken candidates in test2 seed order for a stricter
 * Japanese-name detector (a known full name followed by a speech verb, not a bare surname such
 * as 田中, which had picked 田中光 and 田中千绘) and for multi-paragraph. The 32 are unchanged.
 * The Japanese-name detector first also read photo captions and so picked n13755516, whose only
 * Japanese names are in captions; it was fixed to skip captions (n13755516 was read, not annotated).
 */
const JAPANESE_SPEAKER = new RegExp(
  `(岸田文雄|安倍晋三|菅义伟|茂木敏充|岸信夫|河野太郎|麻生太郎|高市早苗|林芳正|小池百合子|松野博一|加藤胜信|石破茂|枝野幸男|西村康稔|田村宪久|尾身茂|矢板明夫|谷口智彦|野田佳彦|小野寺五典|佐藤正久|山口那津男|萩生田光一|滨田靖一|吉田茂|鸠山由纪夫)[^。“”]{0,15}${SPEECH}`,
);
/** Photo captions (`<div class="caption">`, `wp-caption-text`) name people who say nothing in the body. */
const withoutCaptions = (raw) =>
  raw.replace(/<(div|p|figcaption)\b[^>]*class="[^"]*caption[^"]*"[^>]*>[\s\S]*?<\/\1>/g, "");
/** A known Japanese full name speaks in the body (captions skipped); read once per candidate. */
const japaneseSpeaker = (c) => {
  if (c.japaneseSpeaker === undefined)
    c.japaneseSpeaker = bodyParagraphs(
      withoutCaptions(readFileSync(join(root, c.path), "utf8")),
    ).some((p) => JAPANESE_SPEAKER.test(p));
  return c.japaneseSpeaker;
};
const TEST2_SUPPLEMENT = [
  ["japanese-speaker", 2, japaneseSpeaker],
  ["multi-paragraph", 2, (c) => c.phenomena.includes("multi-paragraph")],
];
{
  const taken2 = new Set(test2.map((a) => a.id));
  for (const [phenomenon, count, has] of TEST2_SUPPLEMENT) {
    let added = 0;
    for (const c of order2) {
      if (added >= count) break;
      if (taken2.has(c.id)) continue;
      if (!has(c)) continue;
      taken2.add(c.id);
      test2.push({
        ...entry({ ...c, reason: `supplement:${phenomenon}` }),
        detected: [...c.phenomena, ...c.extra],
      });
      added++;
    }
  }
}

/**
 * test3, a third blind test set drawn after test2 (the extractor was still being changed on the
 * dev set): a third seed orders the candidates, and every article already used anywhere is left
 * out (dev, test, test2 with its supplement, n13755516, which the test2 annotator read, and
 * bench/ask's dev, test, test2 and retrieval pool). The same round-robin as test2, except that the
 * loose Japanese-name detector is replaced by the stricter one of the test2 supplement (a known
 * full name before a speech verb, captions skipped), from the start. The existing picks are
 * unchanged.
 */
const SEED3 = "dubao-quotes-bench-test3:";
const TEST3_SIZE = 30;
// bench/ask's own test3 was drawn at the same time as this one: left out once it is there.
const used3 = new Set([
  ...used2,
  ...test2.map((a) => a.id),
  "n13755516",
  ...askArticleIds(["dev", "test", "test2", "test3"]),
]);
const order3 = seededOrder(SEED3, used3);
const phenomena3 = [
  "transcript",
  "multi-paragraph",
  "japanese-speaker",
  "pronoun",
  "organisation",
  "scare-quote",
  "english-only-name",
  "dot-name",
  "generic-name",
  "partial",
  "speaker-after",
  "title-surname",
  "subheading",
];
const has3 = (c, phenomenon) =>
  phenomenon === "japanese-speaker" ? japaneseSpeaker(c) : hasPhenomenon(c, phenomenon);
const test3 = roundRobin(order3, phenomena3, TEST3_SIZE, has3, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(japaneseSpeaker(c) ? ["japanese-speaker"] : []),
]);

/**
 * A test3 supplement, added after the 30 articles above were annotated, because in two of the
 * three picked for a Japanese speaker the speaker's words stand outside quotation marks (one
 * Japanese-named speaker of quotes in all): the next two untaken candidates in test3 seed order
 * where a known Japanese full name speaks just before opening marks (`岸信夫说：“`) or just
 * after closing ones (`”岸信夫表示`), captions skipped. The 30 are unchanged.
 */
const JAPANESE_NAMES = JAPANESE_SPEAKER.source.slice(0, JAPANESE_SPEAKER.source.indexOf(")") + 1);
const JAPANESE_QUOTED = new RegExp(
  `${JAPANESE_NAMES}[^。“”]{0,15}${SPEECH}[：:，,]?“|”[^。“”]{0,6}${JAPANESE_NAMES}[^。“”]{0,6}${SPEECH}`,
);
const japaneseQuoted = new Map();
/** Whether a known Japanese full name speaks just before or after quotation marks (captions skipped). */
const quotesJapanese = (c) => {
  if (!japaneseQuoted.has(c.id))
    japaneseQuoted.set(
      c.id,
      bodyParagraphs(withoutCaptions(readFileSync(join(root, c.path), "utf8"))).some((p) =>
        JAPANESE_QUOTED.test(p),
      ),
    );
  return japaneseQuoted.get(c.id);
};
{
  const taken3 = new Set(test3.map((a) => a.id));
  let added = 0;
  for (const c of order3) {
    if (added >= 2) break;
    if (taken3.has(c.id)) continue;
    if (!quotesJapanese(c)) continue;
    taken3.add(c.id);
    test3.push({
      ...entry({ ...c, reason: "supplement:japanese-quoted" }),
      detected: [...c.phenomena, ...c.extra, "japanese-quoted"],
    });
    added++;
  }
}

/**
 * test4, a fourth blind test set drawn after test3 (and after bench/ask's test4, which it leaves
 * out): a fourth seed, every article already used anywhere left out (dev, test, test2, test3 with
 * their supplements, and bench/ask's sets and pool). The same round-robin as test3, except that
 * the Japanese phenomenon is test3's supplement rule from the start (a known Japanese full name
 * speaking just before or after quotation marks, captions skipped). The existing picks are unchanged.
 */
const SEED4 = "dubao-quotes-bench-test4:";
const TEST4_SIZE = 32;
const used4 = new Set([
  ...used3,
  ...test3.map((a) => a.id),
  ...askArticleIds(["dev", "test", "test2", "test3", "test4"]),
]);
const order4 = seededOrder(SEED4, used4);
const isJapaneseQuoted = (c) => japaneseSpeaker(c) && quotesJapanese(c);
const phenomena4 = phenomena3.map((p) => (p === "japanese-speaker" ? "japanese-quoted" : p));
const has4 = (c, phenomenon) =>
  phenomenon === "japanese-quoted" ? isJapaneseQuoted(c) : hasPhenomenon(c, phenomenon);
const test4 = roundRobin(order4, phenomena4, TEST4_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]);

/**
 * test5, a fifth blind test set drawn after test4 (and after bench/ask's test5, which it leaves
 * out): a fifth seed, every article already used anywhere left out; the same round-robin as test4.
 * The existing picks are unchanged.
 */
const SEED5 = "dubao-quotes-bench-test5:";
const TEST5_SIZE = 32;
const used5 = new Set([
  ...used4,
  ...test4.map((a) => a.id),
  ...askArticleIds(["dev", "test", "test2", "test3", "test4", "test5"]),
]);
const order5 = seededOrder(SEED5, used5);
const test5 = roundRobin(order5, phenomena4, TEST5_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]);

/**
 * test6, a sixth blind test set drawn after test5 (and after bench/ask's test6, which it leaves
 * out): a sixth seed, every article already used anywhere left out; the same round-robin as test4.
 * The existing picks are unchanged.
 */
const SEED6 = "dubao-quotes-bench-test6:";
const TEST6_SIZE = 32;
const used6 = new Set([
  ...used5,
  ...test5.map((a) => a.id),
  ...askArticleIds(["dev", "test", "test2", "test3", "test4", "test5", "test6"]),
]);
const order6 = seededOrder(SEED6, used6);
const test6 = roundRobin(order6, phenomena4, TEST6_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]);

/**
 * test7, a seventh blind test set drawn after test6 (and after bench/ask's test7, which it leaves
 * out): a seventh seed, every article already used anywhere left out; the same round-robin as test4.
 * The existing picks are unchanged.
 */
const SEED7 = "dubao-quotes-bench-test7:";
const TEST7_SIZE = 32;
const used7 = new Set([
  ...used6,
  ...test6.map((a) => a.id),
  ...askArticleIds(["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7"]),
]);
// The parser dates an article by its link when the dateline drifts from it (a mistyped month), and
// check.ts leaves out the month by that date: from test7 on, a drawn article linked to January 2022
// is dropped after the draw (so the other picks stay as drawn; test7 holds 31 articles).
const linkedToJanuary2022 = (c) =>
  new RegExp(`/gb/22/1/\\d\\d?/${c.id}\\.htm`).test(readFileSync(join(root, c.path), "utf8"));
const order7 = seededOrder(SEED7, used7);
const test7 = roundRobin(order7, phenomena4, TEST7_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]).filter((c) => !linkedToJanuary2022(c));

/**
 * test8, an eighth blind test set drawn after test7 (and after bench/ask's test8, which it leaves
 * out): an eighth seed, every article already used anywhere left out; the same round-robin, and a
 * drawn article linked to January 2022 dropped after the draw as for test7.
 */
const SEED8 = "dubao-quotes-bench-test8:";
const TEST8_SIZE = 32;
const used8 = new Set([
  ...used7,
  ...test7.map((a) => a.id),
  ...askArticleIds(["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8"]),
]);
const order8 = seededOrder(SEED8, used8);
const test8 = roundRobin(order8, phenomena4, TEST8_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]).filter((c) => !linkedToJanuary2022(c));

/**
 * test9, a ninth blind test set drawn after test8 (and after bench/ask's test9, which it leaves out):
 * a ninth seed, every article already used anywhere left out; the same round-robin, and a drawn
 * article linked to January 2022 dropped after the draw as for test7.
 */
const SEED9 = "dubao-quotes-bench-test9:";
const TEST9_SIZE = 32;
const used9 = new Set([
  ...used8,
  ...test8.map((a) => a.id),
  ...askArticleIds([
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
  ]),
]);
const order9 = seededOrder(SEED9, used9);
const test9 = roundRobin(order9, phenomena4, TEST9_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]).filter((c) => !linkedToJanuary2022(c));

/**
 * test10, a tenth blind test set drawn after test9 (and after bench/ask's test10, which it leaves out):
 * a tenth seed, every article already used anywhere left out; the same round-robin, and a drawn
 * article linked to January 2022 dropped after the draw as for test7.
 */
const SEED10 = "dubao-quotes-bench-test10:";
const TEST10_SIZE = 32;
const used10 = new Set([
  ...used9,
  ...test9.map((a) => a.id),
  ...askArticleIds([
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "test10",
  ]),
]);
const order10 = seededOrder(SEED10, used10);
const test10 = roundRobin(order10, phenomena4, TEST10_SIZE, has4, (c) => [
  ...c.phenomena,
  ...c.extra,
  ...(isJapaneseQuoted(c) ? ["japanese-quoted"] : []),
]).filter((c) => !linkedToJanuary2022(c));

console.log(
  `${candidates.length} candidates; per year ${JSON.stringify(Object.fromEntries([2020, 2021, 2022].map((y) => [y, candidates.filter((c) => c.year === y).length])))}`,
);
for (const phenomenon of phenomena) {
  const list = byPhenomenon.get(phenomenon);
  console.log(
    `${phenomenon}: ${list.length} (${list
      .slice(0, 8)
      .map((c) => c.id)
      .join(" ")} …)`,
  );
}
console.log(`dev ${dev.length}, test ${test.length}`);
for (const [name, set] of [
  ["dev", dev],
  ["test", test],
  ["test2", test2],
  ["test3", test3],
  ["test4", test4],
  ["test5", test5],
  ["test6", test6],
  ["test7", test7],
  ["test8", test8],
  ["test9", test9],
  ["test10", test10],
])
  for (const a of set)
    console.log(`${name} ${a.id} ${a.path} ${a.year} ${a.reason} [${a.detected.join(",")}]`);
if (write) {
  const about = `Chosen by bench/quotes/select.mjs (seed ${JSON.stringify(SEED)}); paths relative to the archive's pages/ folder.`;
  const aboutTest2 = `test2: chosen by the same script (seed ${JSON.stringify(SEED2)}), leaving out every dev, test and bench/ask article.`;
  const aboutTest3 = `test3: chosen by the same script (seed ${JSON.stringify(SEED3)}), leaving out every dev, test, test2 and bench/ask article.`;
  const aboutTest4 = `test4: chosen by the same script (seed ${JSON.stringify(SEED4)}), leaving out every dev, test, test2, test3 and bench/ask article (its test4 included).`;
  const aboutTest5 = `test5: chosen by the same script (seed ${JSON.stringify(SEED5)}), leaving out every dev, test, test2, test3, test4 and bench/ask article (its test5 included).`;
  const aboutTest6 = `test6: chosen by the same script (seed ${JSON.stringify(SEED6)}), leaving out every dev, test, test2 to test5 and bench/ask article (its test6 included).`;
  const aboutTest7 = `test7: chosen by the same script (seed ${JSON.stringify(SEED7)}), leaving out every dev, test, test2 to test6 and bench/ask article (its test7 included).`;
  const aboutTest8 = `test8: chosen by the same script (seed ${JSON.stringify(SEED8)}), leaving out every dev, test, test2 to test7 and bench/ask article (its test8 included).`;
  const aboutTest9 = `test9: chosen by the same script (seed ${JSON.stringify(SEED9)}), leaving out every dev, test, test2 to test8 and bench/ask article (its test9 included).`;
  const aboutTest10 = `test10: chosen by the same script (seed ${JSON.stringify(SEED10)}), leaving out every dev, test, test2 to test9 and bench/ask article (its test10 included).`;
  writeFileSync(
    join(here, "selection.json"),
    `${JSON.stringify({ about, aboutTest2, aboutTest3, aboutTest4, aboutTest5, aboutTest6, aboutTest7, aboutTest8, aboutTest9, aboutTest10, dev, test, test2, test3, test4, test5, test6, test7, test8, test9, test10 }, null, 2)}\n`,
  );
}
