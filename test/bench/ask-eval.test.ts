import { describe, expect, it } from "vitest";
import { SETS } from "../../bench/ask/check.js";
import {
  archiveSets,
  BLIND_SETS,
  type MatchKind,
  matchSentence,
  notesOf,
  parseArgs,
  renderReport,
  setName,
  summarise,
} from "../../bench/ask/eval.js";
import { renderSection, type SummaryScores, withSection } from "../../bench/summary/eval.js";

/** The answer-matching rule of the reading-comprehension harness (bench/ASK.md). */
/** An empty scored set of bench/summary, as its report shows it. */
const scored = (set: SummaryScores["set"]): SummaryScores => ({
  set,
  date: "2026-12-02",
  articles: 0,
  cells: {},
  latency: { p50: 0, p99: 0, max: 0 },
  keyCounts: [3],
});

describe("matchSentence", () => {
  const reference = "市政府周二宣布，当地将在明年春天开放三座新的公共图书馆。";
  const cases: Array<[string, string, MatchKind]> = [
    ["the same sentence", reference, "contains"],
    ["the sentence with a neighbour", `${reference}官员表示预算已经批准。`, "contains"],
    ["a clause of it", "当地将在明年春天开放三座新的公共图书馆", "contains"],
    [
      "traditional script and full-width punctuation",
      "市政府週二宣布，當地將在明年春天開放三座新的公共圖書館。",
      "contains",
    ],
    [
      "the dateline dropped and a word changed",
      "当地将在明年春天开放三座新的公共图书馆，市政府周二说。",
      "overlap",
    ],
    ["another sentence of the same story", "图书馆的建设费用由市政府和私人捐款共同承担。", null],
    ["the same characters scattered", "春天的时候，新市长在三座公园宣布开放。", null],
    ["an empty answer", "。", null],
  ];
  it.each(cases)("%s", (_label, shown, expected) => {
    expect(matchSentence(shown, reference)).toBe(expected);
  });
});

describe("reports", () => {
  it("says the test set is not yet scored until it is", () => {
    const report = renderReport({});
    expect(report).toContain("not yet scored");
    expect(report).toContain("| all answerable | — |");
  });

  it("keeps the hand-written notes of a report", () => {
    const markdown = "# Title\n\ntable\n\n<!-- notes:start -->\nnotes\n<!-- notes:end -->\n";
    const notes = notesOf(markdown);
    expect(notes).toBe("<!-- notes:start -->\nnotes\n<!-- notes:end -->");
    expect(renderReport({}, notes)).toContain(notes);
    expect(notesOf("# no notes")).toBeUndefined();
  });

  it("replaces the archive section of ROUGE.md, or appends it once", () => {
    const section = (body: string) =>
      `<!-- archive-references:start -->\n${body}\n<!-- archive-references:end -->`;
    const first = withSection("# ROUGE\n\nclts tables\n", section("old"));
    expect(first).toBe(`# ROUGE\n\nclts tables\n\n${section("old")}\n`);
    const second = withSection(first, section("new"));
    expect(second).toBe(`# ROUGE\n\nclts tables\n\n${section("new")}\n`);
  });
});

describe("the second blind test set (test2)", () => {
  it("takes dev, test and test2 to test10 for --set and nothing else", () => {
    expect(setName("dev")).toBe("dev");
    expect(setName("test")).toBe("test");
    expect(setName("test2")).toBe("test2");
    expect(setName("test3")).toBe("test3");
    expect(setName("test4")).toBe("test4");
    expect(setName("test5")).toBe("test5");
    expect(setName("test6")).toBe("test6");
    expect(setName("test7")).toBe("test7");
    expect(setName("test8")).toBe("test8");
    expect(setName("test9")).toBe("test9");
    expect(setName("test10")).toBe("test10");
    expect(() => setName("test11")).toThrow(
      /dev, test, test2, test3, test4, test5, test6, test7, test8, test9 or test10/,
    );
    expect(() => setName("dev-paraphrase")).toThrow();
    expect(() => setName(undefined)).toThrow();
  });

  it("gives test2 columns in ASK.md only once test2 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    expect(header(renderReport({}))).not.toContain("test2");
    const test2 = summarise("test2", [], 0, [0, 0]);
    const report = renderReport({ test2 });
    expect(header(report)).toContain("test2 top-1");
    expect(report).toContain(`test2 scored ${test2.date}`);
  });

  it("gives test2 columns in ROUGE.md only once test2 is scored", () => {
    const test2: SummaryScores = {
      set: "test2",
      date: "2026-12-02",
      articles: 0,
      cells: {},
      latency: { p50: 0, p99: 0, max: 0 },
      keyCounts: [3],
    };
    expect(renderSection({})).not.toContain("test2");
    expect(renderSection({ test2 })).toContain("test2 R-L");
  });
});

describe("the third blind test set (test3)", () => {
  it("runs each set among the pool and the sets up to its own", () => {
    expect(archiveSets("dev")).toEqual(["dev", "test"]);
    expect(archiveSets("test")).toEqual(["dev", "test"]);
    expect(archiveSets("test2")).toEqual(["dev", "test", "test2"]);
    expect(archiveSets("test3")).toEqual(["dev", "test", "test2", "test3"]);
  });

  it("gives test3 columns in ASK.md only once test3 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    expect(header(renderReport({ test2: summarise("test2", [], 0, [0, 0]) }))).not.toContain(
      "test3",
    );
    const test3 = summarise("test3", [], 0, [0, 0]);
    const report = renderReport({ test3 });
    expect(header(report)).toContain("test3 top-1");
    expect(header(report)).not.toContain("test2");
    expect(report).toContain(`test3 scored ${test3.date}`);
  });

  it("gives test3 columns in ROUGE.md only once test3 is scored", () => {
    expect(renderSection({ test2: scored("test2") })).not.toContain("test3");
    const section = renderSection({ test2: scored("test2"), test3: scored("test3") });
    expect(section).toContain("test2 R-L");
    expect(section).toContain("test3 R-L");
  });
});

describe.each([
  ["test4", "test3", "a fourth"],
  ["test5", "test4", "a fifth"],
  ["test6", "test5", "a sixth"],
  ["test7", "test6", "a seventh"],
  ["test8", "test7", "an eighth"],
  ["test9", "test8", "a ninth"],
  ["test10", "test9", "a tenth"],
] as const)("the later blind set %s", (set, previous, ordinal) => {
  it("runs among the pool and every set up to its own", () => {
    expect(archiveSets(set)).toEqual(SETS.slice(0, SETS.indexOf(set) + 1));
    expect(archiveSets(previous)).not.toContain(set);
  });

  it("gets columns in ASK.md and ROUGE.md only once it is scored", () => {
    type Reports = Parameters<typeof renderReport>[0];
    type Sections = Parameters<typeof renderSection>[0];
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const before = summarise(previous, [], 0, [0, 0]);
    expect(renderReport({ [previous]: before } as Reports)).not.toContain(set);
    const scoredNow = summarise(set, [], 0, [0, 0]);
    const report = renderReport({ [previous]: before, [set]: scoredNow } as Reports);
    expect(header(report)).toContain(`${previous} top-1`);
    expect(header(report)).toContain(`${set} top-1`);
    expect(report).toContain(`${set} scored ${scoredNow.date}`);
    expect(renderSection({ [previous]: scored(previous) } as Sections)).not.toContain(set);
    const section = renderSection({
      [previous]: scored(previous),
      [set]: scored(set),
    } as Sections);
    expect(section).toContain(`${previous} R-L`);
    expect(section).toContain(`${set} R-L`);
    expect(section).toContain(`${set} (${ordinal} blind set, 20 articles) scored 2026-12-02`);
  });
});

describe("the blind set", () => {
  it("keeps test10 alone blind: --set test10 only with --final, test9 as dev data", () => {
    expect(BLIND_SETS).toEqual(["test10"]);
    expect(() => parseArgs(["--set", "test10"])).toThrow(/--final/);
    expect(() => parseArgs(["--set=test10", "--no-write"])).toThrow(/--final/);
    expect(parseArgs(["--set", "test10", "--final"]).set).toBe("test10");
    expect(parseArgs(["--set", "test9", "--no-write"])).toMatchObject({
      set: "test9",
      write: false,
    });
  });
});
