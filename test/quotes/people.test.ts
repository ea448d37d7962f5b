import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import type { Quote } from "../../src/quotes/model.js";
import { PeopleDirectory, type Person } from "../../src/quotes/people.js";
import { type ArticleQuotes, extractQuotes } from "../../src/quotes/quotes.js";
import { makeArticle } from "../helpers.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");
const seed = parseArticle(
  readFileSync(join(here, "..", "seeds", "000_d87d864bdde93e5b.txt"), "utf8"),
  "000_d87d864bdde93e5b.txt",
);

function article(
  id: string,
  date: string | null,
  paragraphs: string[],
  script: "gb" | "b5" = "gb",
): Article {
  return makeArticle({
    id,
    title: id,
    date,
    paragraphs,
    url: `https://www.epochtimes.com/gb/${id}.htm`,
    script,
  });
}

/** A later article in traditional script naming Sherman only as 謝爾曼. */
const later = article(
  "n2",
  "2022-01-20",
  ["美國副國務卿謝爾曼週四表示：「我們仍然願意對話。」", "她補充說：「但是我們不會讓步。」"],
  "b5",
);
/** An earlier article with another transliteration and a second speaker quoted more often. */
const earlier = article("n1", "2022-01-03", [
  "美国国务卿安东尼‧布林肯（Antony Blinken）说：“我们会与盟友协调。”",
  "“外交仍是首选。”布林肯说。",
  "“我们不会接受胁迫。”他补充说。",
  "布林肯还表示：“我们欢迎对话。”",
  "副国务卿谢尔曼说：“会谈将在日内瓦举行。”",
]);

function build(): { directory: PeopleDirectory; quotes: ArticleQuotes[] } {
  const quotes = [seed, later, earlier].map((a) => extractQuotes(a));
  return { directory: PeopleDirectory.build(quotes), quotes };
}

describe("PeopleDirectory.find: any name, either script, any case", () => {
  const { directory } = build();
  it.each([
    ["谢尔曼"],
    ["謝爾曼"],
    ["温迪·谢尔曼"],
    ["温迪‧谢尔曼"],
    ["温迪谢尔曼"],
    ["舍曼"],
    ["Wendy Sherman"],
    ["wendy sherman"],
    ["sherman"],
    ["SHERMAN"],
    ["  谢尔曼  "],
  ])("%s finds Sherman", (name) => {
    const found = directory.find(name);
    expect(found.map((person) => person.name)).toEqual(["谢尔曼"]);
    expect(found[0]?.aliases).toEqual(
      expect.arrayContaining(["温迪‧谢尔曼", "Wendy Sherman", "舍曼"]),
    );
    expect(found[0]?.aliases).not.toContain("谢尔曼");
  });

  it("merges the same canonical name across articles and scripts", () => {
    const [sherman] = directory.find("sherman");
    expect(sherman?.quoteCount).toBe(5 + 2 + 1);
    expect(sherman?.aliases).toContain("謝爾曼");
  });

  it.each([["里亚布科夫"], ["谢尔盖·里亚布科夫"], ["Sergei Ryabkov"], ["ryabkov"], ["裡亞布科夫"]])(
    "%s finds Ryabkov",
    (name) => {
      expect(directory.find(name).map((person) => person.name)).toEqual(["里亚布科夫"]);
    },
  );

  it("finds nobody for names never quoted", () => {
    expect(directory.find("普京")).toEqual([]);
    expect(directory.find("")).toEqual([]);
    expect(directory.find("华尔街日报")).toEqual([]);
  });
});

describe("PeopleDirectory.find: another usage's transliteration (regional-variants)", () => {
  const directory = PeopleDirectory.build([
    extractQuotes(article("r1", "2022-01-05", ["俄罗斯总统普京表示：“我们不想要战争。”"])),
    extractQuotes(article("r2", "2022-01-06", ["法國總統馬克宏說：「我們會繼續對話。」"], "b5")),
  ]);
  it.each([
    ["普丁", "普京"],
    ["普京", "普京"],
    ["马克龙", "马克宏"],
    ["馬克龍", "马克宏"],
  ])("%s finds %s", (name, expected) => {
    expect(directory.find(name).map((person) => person.name)).toEqual([expected]);
  });
  it("finds nobody for a variant nobody is quoted under", () => {
    expect(directory.find("川普")).toEqual([]);
  });
});

describe("PeopleDirectory.find: every form an article writes (issue 11)", () => {
  const articles = [
    article("a1", "2022-01-04", [
      "资深媒体人王志明表示：“这份通缉令只会让更多人知道真相。”",
      "福建民众李女士说：“我们的存款已经取不出来了。”",
    ]),
    article("a2", "2022-01-05", [
      "多国领导人悼念日本前首相安倍晋三。",
      "安倍生前曾经表示：“台湾有事就是日本有事，也是日美同盟有事。”",
      "日本首相岸田文雄周一抵达华盛顿。",
      "岸田表示：“日本愿意与美国一起维护地区的和平与稳定。”",
    ]),
    article("a3", "2022-01-06", [
      "护士莉娜‧阿尔维斯（Lina Alves）说：“病人越来越多了。”",
      "莉娜说：“我们已经连续工作了三周。”",
      "5岁的男孩罗伯特．克兰普顿（Robert Crampton）说：“我想要一套牛仔装和一把手枪。”",
    ]),
    article("a4", "2022-01-07", [
      "川普（特朗普）总统说：“我们会让美国再次伟大。”",
      "蔡英文总统表示：“台湾不会屈服于压力。”",
      "蔡总统说：“我们会继续守护民主。”",
    ]),
    article("a5", "2022-01-08", [
      "俄罗斯总统普京（Vladimir Putin）表示：“我们不想要战争。”",
      "外交部发言人韩树林说：“这是不负责任的说法。”",
      "张磊（化名）说：“我在这里工作了十年。”",
    ]),
  ];
  const directory = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
  it.each([
    ["资深媒体人王志明", "王志明", "a role before the name"],
    ["福建民众李女士", "李女士", "a place and a role before a generic form"],
    ["湖北当地的李女士", "李女士", "a description ending in 的 before a generic form"],
    ["安倍", "安倍晋三", "a Japanese surname alone"],
    ["日本前首相安倍晋三", "安倍晋三", "a title before a Japanese full name"],
    ["岸田", "岸田文雄", "the surname of a Japanese full name"],
    ["日本首相岸田文雄", "岸田文雄", "title + Japanese full name"],
    ["莉娜", "阿尔维斯", "the given name the article calls her by"],
    ["莉娜阿尔维斯", "阿尔维斯", "a dotted name without its dot"],
    ["Lina Alves", "阿尔维斯", "the English name in brackets"],
    ["罗伯特．克兰普顿", "克兰普顿", "a full stop as the name dot"],
    ["罗伯特·克兰普顿", "克兰普顿", "another name dot"],
    ["罗伯特克兰普顿", "克兰普顿", "no dot"],
    ["Robert Crampton", "克兰普顿", "the English name of a full-stop name"],
    ["特朗普", "川普", "another transliteration in brackets"],
    ["蔡总统", "蔡英文", "surname + title"],
    ["蔡英文总统", "蔡英文", "name + title"],
    ["Putin", "普京", "the English surname"],
    ["外交部发言人韩树林", "韩树林", "title + full name"],
    ["张磊（化名）", "张磊", "the name with its note"],
    ["张磊(化名)", "张磊", "the note in half-width brackets"],
  ])("%s finds %s (%s)", (form, name) => {
    expect(directory.find(form).map((person) => person.name)).toEqual([name]);
  });

  it("finds nobody through a description whose name is nobody's", () => {
    expect(directory.find("资深媒体人赵大同")).toEqual([]);
    expect(directory.find("王总统")).toEqual([]);
    expect(directory.find("李女士的丈夫")).toEqual([]);
  });
});

describe("PeopleDirectory.quotesOf", () => {
  const { directory } = build();

  it("orders quotes by article date, then paragraph", () => {
    const quotes = directory.quotesOf("谢尔曼");
    expect(quotes.map((quote) => [quote.articleId, quote.paragraph])).toEqual([
      ["n1", 5],
      ["n13495457", 2],
      ["n13495457", 4],
      ["n13495457", 5],
      ["n13495457", 5],
      ["n13495457", 14],
      ["n2", 1],
      ["n2", 2],
    ]);
    expect(quotes[6]?.text).toBe("我們仍然願意對話。");
  });

  it("orders articles of one day by id as the collator does, whatever the ids look like", () => {
    const said = (id: string, date: string | null) =>
      article(id, date, ["副国务卿谢尔曼说：“会谈将在日内瓦举行。”"]);
    // Code-unit order would put B1 before a1, and n10 before n9; so does the collator for n….
    const cases: Array<[Article[], string[]]> = [
      [
        [said("B1", "2022-01-03"), said("a1", "2022-01-03")],
        ["a1", "B1"],
      ],
      [
        [said("n9", "2022-01-03"), said("n10", "2022-01-03")],
        ["n10", "n9"],
      ],
      [
        [said("n2", null), said("n3", "2022-01-04"), said("n1", "2022-01-03")],
        ["n1", "n3", "n2"],
      ],
    ];
    for (const [articles, ids] of cases) {
      const built = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
      for (const d of [built, PeopleDirectory.deserialize(built.serialize())])
        expect(d.quotesOf("谢尔曼").map((quote) => quote.articleId)).toEqual(ids);
    }
  });

  it("narrows to one article", () => {
    const [sherman] = directory.find("Sherman");
    expect(sherman).toBeDefined();
    const quotes = directory.quotesOf(sherman as NonNullable<typeof sherman>, { articleId: "n2" });
    expect(quotes.map((quote) => quote.text)).toEqual(["我們仍然願意對話。", "但是我們不會讓步。"]);
    expect(directory.quotesOf("谢尔曼", { articleId: "n404" })).toEqual([]);
  });

  it("returns the partial quotes with their kind", () => {
    const kinds = directory.quotesOf("ryabkov").map((quote) => quote.kind);
    expect(kinds).toEqual(["direct", "partial", "partial"]);
  });
});

describe("PeopleDirectory.list (autocomplete)", () => {
  const { directory } = build();

  it("lists the most quoted first", () => {
    const names = directory.list().map((person) => person.name);
    expect(names.slice(0, 3)).toEqual(["谢尔曼", "布林肯", "里亚布科夫"]);
    expect(directory.list().map((person) => person.quoteCount)).toEqual([8, 4, 3]);
  });

  it.each([
    // 谢尔盖·里亚布科夫 starts with 谢 too.
    ["谢", ["谢尔曼", "里亚布科夫"]],
    ["謝", ["谢尔曼", "里亚布科夫"]],
    ["wen", ["谢尔曼"]],
    ["舍", ["谢尔曼"]],
    ["布", ["布林肯"]],
    ["ant", ["布林肯"]],
    ["里亚", ["里亚布科夫"]],
    ["谢尔盖", ["里亚布科夫"]],
    ["zzz", []],
  ])("prefix %s", (prefix, expected) => {
    expect(directory.list(prefix).map((person) => person.name)).toEqual(expected);
  });

  it("respects the limit", () => {
    expect(directory.list(undefined, 1)).toHaveLength(1);
  });

  it.each([
    ["张先生", "张先生说：“我们等了三个月。”"],
    ["李某", "李某说：“我们等了三个月。”"],
    ["刘云", "居民刘云（化名）说：“我们等了三个月。”"],
    ["张博士", "张博士说：“我们等了三个月。”"],
  ])("never merges the generic form %s across articles", (name, paragraph) => {
    const articles = ["g1", "g2"].map((id) => article(id, "2022-01-07", [paragraph]));
    const directory = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
    const found = directory.find(name);
    expect(found.map((person) => person.name)).toEqual([name, name]);
    expect(found.map((person) => directory.quotesOf(person).map((q) => q.articleId))).toEqual([
      ["g1"],
      ["g2"],
    ]);
    expect(directory.quotesOf(name)).toHaveLength(2);
    directory.remove("g1");
    expect(directory.find(name)).toHaveLength(1);
  });

  it("merges two spellings on a shared English name and splits one spelling of two English names", () => {
    const articles = [
      article("e1", "2022-01-08", ["副国务卿谢尔曼（Wendy Sherman）说：“我们仍然愿意对话。”"]),
      article("e2", "2022-01-09", ["副国务卿舍曼（Wendy Sherman）说：“我们不会让步。”"]),
      article("e3", "2022-01-10", ["发言人普赖斯（Ned Price）说：“制裁已经生效。”"]),
      article("e4", "2022-01-11", ["教授普赖斯（Brian Price）说：“疫苗是安全的。”"]),
    ];
    const directory = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
    const sherman = directory.find("舍曼");
    expect(sherman).toHaveLength(1);
    expect(directory.quotesOf(sherman[0] as Person).map((q) => q.articleId)).toEqual(["e1", "e2"]);
    expect(directory.find("谢尔曼")).toEqual(sherman);
    const price = directory.find("普赖斯");
    expect(price).toHaveLength(2);
    expect(price.map((p) => directory.quotesOf(p).map((q) => q.articleId)).sort()).toEqual([
      ["e3"],
      ["e4"],
    ]);
    expect(directory.find("Ned Price").map((p) => directory.quotesOf(p)[0]?.articleId)).toEqual([
      "e3",
    ]);
    directory.remove("e1");
    expect(directory.quotesOf("舍曼").map((q) => q.articleId)).toEqual(["e2"]);
  });

  it("keeps apart two full names of one surname, and one given name spelt two ways together", () => {
    const articles = [
      article("m1", "2022-01-08", ["局长理查德‧摩尔说：“我们在监视。”"]),
      article("m2", "2022-01-09", ["主席约翰尼‧摩尔说：“我们在祈祷。”"]),
      article("k1", "2022-01-10", ["中锋坎特（Enes Kanter）说：“我会继续发声。”"]),
      article("k2", "2022-01-11", ["中锋坎特（Enes Kanter Freedom）说：“我不会沉默。”"]),
    ];
    const directory = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
    expect(directory.find("摩尔")).toHaveLength(2);
    expect(directory.find("坎特")).toHaveLength(1);
  });

  it.each([
    // the English-only one first, then the Han-only one: the pair (理查德‧摩尔, Richard Moore)
    // tells 理查德 from michel
    [["p1", "c1", "c2"], 2],
    [["c1", "p1", "c2"], 2],
    // nothing pairs 理查德 with a Latin given name: full names in other scripts only are kept
    // apart (nothing shows them one person; words in the wrong mouth cost more than a split)
    [["c1", "c2"], 2],
    // the same given name in both scripts (米歇尔‧摩尔, Michel Moore): one person
    [["p2", "c1"], 1],
  ])(
    "tells a full name in one script from one in the other by given names paired elsewhere (%j)",
    (ids, count) => {
      const texts: Record<string, string> = {
        p1: "英国军情六处负责人理查德‧摩尔（Richard Moore）说：“我们在监视。”",
        p2: "警察局长米歇尔‧摩尔（Michel Moore）说：“我们在巡逻。”",
        c1: "洛杉矶警察局长摩尔（Michel Moore）说：“我们会加强警力。”",
        c2: "军情六处负责人理查德‧摩尔说：“我们在看着。”",
      };
      const articles = (ids as string[]).map((id, k) =>
        article(id, `2022-01-1${k}`, [texts[id] as string]),
      );
      const directory = PeopleDirectory.build(articles.map((a) => extractQuotes(a)));
      expect(directory.find("摩尔")).toHaveLength(count as number);
      // The same after a reload, with the last article added live.
      const reloaded = PeopleDirectory.deserialize(
        PeopleDirectory.build(articles.slice(0, -1).map((a) => extractQuotes(a))).serialize(),
      );
      reloaded.add(extractQuotes(articles[articles.length - 1] as (typeof articles)[number]));
      expect(reloaded.find("摩尔")).toHaveLength(count as number);
    },
  );

  it("ranks by the number of articles quoting a person, not by the number of quotes", () => {
    const transcript = article("t1", "2022-01-05", [
      "这是《美国思想领袖》节目，我是主持人杨杰凯。",
      "杨杰凯：欢迎程晓农先生。",
      "程晓农：谢谢。房地产的问题非常严重。",
      "杨杰凯：地方财政呢？",
      "程晓农：地方财政也很紧张。",
      "程晓农：土地财政难以为继。",
    ]);
    const news = ["n7", "n8"].map((id) =>
      article(id, "2022-01-06", ["美国总统拜登周二表示：“我们不会派兵。”"]),
    );
    const ranked = PeopleDirectory.build([transcript, ...news].map((a) => extractQuotes(a)))
      .list()
      .map((person) => [person.name, person.quoteCount]);
    expect(ranked.slice(0, 2)).toEqual([
      ["拜登", 2],
      ["程晓农", 3],
    ]);
  });
});

describe("PeopleDirectory.suggest", () => {
  const { directory } = build();

  it.each([
    ["谢尔蔓", "谢尔曼"],
    ["舍尔曼", "谢尔曼"],
    ["sherma", "谢尔曼"],
    ["里亚布可夫", "里亚布科夫"],
    ["布林克", "布林肯"],
  ])("%s → %s", (typed, expected) => {
    expect(directory.suggest(typed)[0]).toBe(expected);
  });

  it("suggests nothing for a name far from everyone", () => {
    expect(directory.suggest("张三丰")).toEqual([]);
  });
});

describe("PeopleDirectory updates (the file watcher)", () => {
  it("adds, replaces and removes an article", () => {
    const { directory, quotes } = build();
    const before = directory.find("谢尔曼")[0]?.quoteCount;
    directory.remove("n2");
    expect(directory.find("谢尔曼")[0]?.quoteCount).toBe((before ?? 0) - 2);
    expect(directory.find("謝爾曼").map((person) => person.name)).toEqual(["谢尔曼"]);
    directory.remove("n13495457");
    directory.remove("n1");
    expect(directory.find("谢尔曼")).toEqual([]);
    expect(directory.list()).toEqual([]);
    expect(directory.size).toBe(0);
    for (const entry of quotes) directory.add(entry);
    expect(directory.find("谢尔曼")[0]?.quoteCount).toBe(before);
    // Adding the same article again replaces it instead of counting it twice.
    directory.add(quotes[0] as ArticleQuotes);
    expect(directory.find("谢尔曼")[0]?.quoteCount).toBe(before);
  });

  it("forgets aliases only seen in a removed article", () => {
    const { directory } = build();
    expect(directory.find("Wendy Sherman")).toHaveLength(1);
    directory.remove("n13495457");
    expect(directory.find("Wendy Sherman")).toEqual([]);
    expect(directory.find("谢尔曼")).toHaveLength(1);
  });

  it("ignores removing an unknown article", () => {
    const { directory } = build();
    directory.remove("nope");
    expect(directory.size).toBeGreaterThan(0);
  });
});

describe("PeopleDirectory serialization", () => {
  it("round-trips", () => {
    const { directory } = build();
    const copy = PeopleDirectory.deserialize(directory.serialize());
    expect(copy.list()).toEqual(directory.list());
    expect(copy.quotesOf("sherman")).toEqual(directory.quotesOf("sherman"));
    expect(copy.find("舍曼").map((person) => person.name)).toEqual(["谢尔曼"]);
  });

  it("round-trips every quote field, a quote with its own link or article included", () => {
    const { quotes } = build();
    const [first, ...rest] = quotes as [ArticleQuotes, ...ArticleQuotes[]];
    const [quote, ...others] = first.quotes as [Quote, ...Quote[]];
    const odd: ArticleQuotes = {
      ...first,
      date: null,
      quotes: [{ ...quote, url: null, articleId: "n-elsewhere" }, ...others],
    };
    const directory = PeopleDirectory.build([odd, ...rest]);
    const copy = PeopleDirectory.deserialize(directory.serialize());
    const everyQuote = (d: PeopleDirectory) => d.list(undefined, 1000).map((p) => d.quotesOf(p));
    expect(everyQuote(copy)).toEqual(everyQuote(directory));
    expect(everyQuote(copy).flat()).toContainEqual({
      ...quote,
      url: null,
      articleId: "n-elsewhere",
    });
  });

  /** What the directory answers for every name and alias it knows. */
  const answers = (d: PeopleDirectory) =>
    d.list(undefined, 1000).map((person) => ({
      person,
      found: [person.name, ...person.aliases].map((name) => d.find(name)),
      quotes: d.quotesOf(person.name),
      prefix: d.list(person.name.slice(0, 1)),
      suggested: d.suggest(`${person.name}x`),
    }));

  it("loads the directory as it was, also after live changes", () => {
    const { directory, quotes } = build();
    const live = PeopleDirectory.build(quotes);
    live.remove((quotes[0] as ArticleQuotes).articleId);
    live.add(quotes[0] as ArticleQuotes);
    for (const d of [directory, live]) {
      const copy = PeopleDirectory.deserialize(d.serialize());
      expect(answers(copy)).toEqual(answers(d));
      expect(answers(copy).length).toBeGreaterThanOrEqual(3);
      expect(copy.serialize()).toBe(d.serialize());
    }
  });

  it("writes what it loaded whether or not its quotes were decoded, and takes live changes", () => {
    const { directory, quotes } = build();
    const data = directory.serialize();
    expect(PeopleDirectory.deserialize(data).serialize()).toBe(data);
    const partly = PeopleDirectory.deserialize(data);
    partly.quotesOf("谢尔曼");
    expect(partly.serialize()).toBe(data);
    const changed = PeopleDirectory.deserialize(data);
    const first = quotes[0] as ArticleQuotes;
    changed.remove(first.articleId);
    changed.add(first);
    const live = PeopleDirectory.build(quotes);
    live.remove(first.articleId);
    live.add(first);
    expect(answers(changed)).toEqual(answers(live));
    expect(changed.serialize()).toBe(live.serialize());
  });

  it("decodes only the quotes of the person asked for, not of everyone quoted beside them", () => {
    const { directory } = build();
    const data = directory.serialize();
    // Another speaker's quote in the same article as Sherman's, made unreadable in place.
    const other = "我们会与盟友协调。";
    expect(data).toContain(other);
    const broken = data.replace(other, `${other.slice(0, -1)}"`);
    expect(broken.length).toBe(data.length);
    const copy = PeopleDirectory.deserialize(broken);
    expect(copy.quotesOf("谢尔曼")).toEqual(directory.quotesOf("谢尔曼"));
    expect(copy.quotesOf("谢尔曼", { articleId: "n1" })).toEqual(
      directory.quotesOf("谢尔曼", { articleId: "n1" }),
    );
    expect(() => copy.quotesOf("布林肯")).toThrow();
    // What was loaded is written back as it was, decoded or not.
    expect(copy.serialize()).toBe(broken);
  });

  it("rejects data of another format", () => {
    expect(() =>
      PeopleDirectory.deserialize(JSON.stringify({ version: 99, articles: [] })),
    ).toThrow();
  });
});

describe("PeopleDirectory: never merges different people, nor an alias of someone else (issue 11)", () => {
  const quotesOf = (paragraphs: string[], id = "x1") =>
    extractQuotes(article(id, "2022-02-01", paragraphs));
  const aliasesOf = (paragraphs: string[], name: string) =>
    quotesOf(paragraphs).people.find((person) => person.name === name)?.aliases ?? [];

  it.each([
    [
      "the person right before 人称 gets the nickname",
      ["将军白崇禧，人称“小诸葛”，他说：“我们必须坚守。”"],
      "白崇禧",
      "小诸葛",
      true,
    ],
    [
      "an English name in brackets and an adverb may stand between",
      ["护士赛吉（Segi Tekletion），常被人称呼为珍妮，她说：“我们很累。”"],
      "赛吉",
      "珍妮",
      true,
    ],
    [
      "other nouns called so in the person's sentence are not the person",
      ["部长陈志明说，清洁人员、防疫司机等都曾被称为“破口”，他说：“请给他们加油。”"],
      "陈志明",
      "破口",
      false,
    ],
    [
      "a titled surname the article never writes with the full name is somebody else",
      ["主持人王志明说：“欢迎收看。”", "王书记的办公室在三楼。"],
      "王志明",
      "王书记",
      false,
    ],
    [
      "a titled surname the article writes with the full name is the person",
      ["市委书记王志明说：“我们会改。”", "王书记随后离开了会场。"],
      "王志明",
      "王书记",
      true,
    ],
    [
      "a title in the list of titles before the full name is the person's",
      [
        "作协主席、书画院院长王志明说：“我们会改。”",
        "网友建议“王主席写一写”。",
        "王主席随后回应。",
      ],
      "王志明",
      "王主席",
      true,
    ],
    [
      "a surname + title followed by 中 is a collective",
      ["常委王志明说：“我们会改。”", "王常委中，只有一个人是他的亲信。"],
      "王志明",
      "王常委",
      false,
    ],
  ])("%s", (_why, paragraphs, name, alias, expected) => {
    expect(aliasesOf(paragraphs, name).includes(alias)).toBe(expected);
  });

  it("keeps apart full names of one surname given only in different scripts", () => {
    const directory = PeopleDirectory.build([
      quotesOf(["局长理查德‧摩尔说：“我们在监视。”"], "s1"),
      quotesOf(["警察局长摩尔（Michel Moore）说：“我们在巡逻。”"], "s2"),
      quotesOf(["局长摩尔说：“我们会调查。”"], "s3"),
    ]);
    expect(directory.find("摩尔")).toHaveLength(2);
    expect(directory.find("Michel Moore").map((p) => directory.quotesOf(p)[0]?.articleId)).toEqual([
      "s2",
    ]);
  });
});
