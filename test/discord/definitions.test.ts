import type { APIApplicationCommandOption } from "discord.js";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/app/i18n.js";
import {
  type CommandDefinition,
  DISCORD_COMMANDS,
  discordDefinitions,
} from "../../src/discord/definitions.js";
import {
  assertValidCommands,
  CommandDefinitionError,
  commandProblems,
} from "../../src/discord/validate.js";

const options = (name: string) =>
  (DISCORD_COMMANDS.get(name)?.definition.options ?? []) as APIApplicationCommandOption[];

describe("Discord definitions built from the command specs", () => {
  it("has the seven commands of the issue", () => {
    expect(
      discordDefinitions()
        .map((definition) => definition.name)
        .sort(),
    ).toEqual(["articles", "ask", "help", "quotes", "search", "source", "summary"].sort());
  });

  it.each([
    ["search", ["query", "limit"], ["query"]],
    ["summary", ["article", "sentences"], []],
    ["quotes", ["person", "article"], ["person"]],
    ["source", ["article"], []],
    ["ask", ["question", "article"], ["question"]],
    ["articles", ["page"], []],
    ["help", ["command"], []],
  ])("/%s has options %j, required %j", (name, names, required) => {
    expect(options(name).map((option) => option.name)).toEqual(names);
    expect(
      options(name)
        .filter((option) => "required" in option && option.required)
        .map((option) => option.name),
    ).toEqual(required);
  });

  it.each([
    ["summary", "article"],
    ["quotes", "article"],
    ["quotes", "person"],
    ["source", "article"],
    ["ask", "article"],
  ])("/%s %s is autocompleted and the command answers autocomplete", (name, option) => {
    const found = options(name).find((item) => item.name === option);
    expect(found && "autocomplete" in found && found.autocomplete).toBe(true);
    expect(DISCORD_COMMANDS.get(name)?.spec.autocomplete).toBeTypeOf("function");
  });

  it.each([
    ["search", "limit", 1, 50],
    ["summary", "sentences", 1, 10],
  ])("/%s %s takes %i–%i on Discord, and says so", (name, option, min, max) => {
    const found = options(name).find((item) => item.name === option) as {
      min_value?: number;
      max_value?: number;
      description_localizations?: Record<string, string>;
    };
    expect([found.min_value, found.max_value]).toEqual([min, max]);
    expect(found.description_localizations?.["en-US"]).toContain(`${min}–${max}`);
  });

  it("localises every name and description for zh-CN, zh-TW and en-US", () => {
    for (const definition of discordDefinitions()) {
      for (const item of [
        definition,
        ...((definition.options ?? []) as APIApplicationCommandOption[]),
      ]) {
        for (const locale of LOCALES) {
          expect(
            item.name_localizations?.[locale],
            `${definition.name}/${item.name} ${locale}`,
          ).toBeTruthy();
          expect(
            item.description_localizations?.[locale],
            `${definition.name}/${item.name} ${locale}`,
          ).toBeTruthy();
        }
      }
    }
  });

  it("passes validation as shipped", () => {
    expect(() => assertValidCommands(discordDefinitions())).not.toThrow();
  });
});

describe("command validation", () => {
  const good = (): CommandDefinition =>
    structuredClone(DISCORD_COMMANDS.get("search")?.definition as CommandDefinition);
  const mutate = (change: (definition: Record<string, unknown>) => void) => {
    const definition = good() as unknown as Record<string, unknown>;
    change(definition);
    return definition as unknown as CommandDefinition;
  };
  const option = (definition: Record<string, unknown>, index: number) =>
    (definition.options as Array<Record<string, unknown>>)[index] as Record<string, unknown>;

  it.each([
    ["an upper-case name", (d: Record<string, unknown>) => (d.name = "Search"), /lower case/],
    [
      "a name with a space",
      (d: Record<string, unknown>) => (d.name = "web search"),
      /1–32 letters/,
    ],
    [
      "a name longer than 32",
      (d: Record<string, unknown>) => (d.name = "s".repeat(33)),
      /1–32 letters/,
    ],
    [
      "an empty description",
      (d: Record<string, unknown>) => (d.description = ""),
      /description must be 1–100/,
    ],
    [
      "a description over 100",
      (d: Record<string, unknown>) => (d.description = "长".repeat(101)),
      /description must be 1–100/,
    ],
    [
      "a missing zh-TW name",
      (d: Record<string, unknown>) =>
        delete (d.name_localizations as Record<string, string>)["zh-TW"],
      /name_localizations lacks zh-TW/,
    ],
    [
      "an unknown locale",
      (d: Record<string, unknown>) =>
        ((d.description_localizations as Record<string, string>).xx = "x"),
      /unknown locale xx/,
    ],
    [
      "a required option after an optional one",
      (d: Record<string, unknown>) => (d.options = [...(d.options as unknown[])].reverse()),
      /required option must come before/,
    ],
    [
      "a duplicate option name",
      (d: Record<string, unknown>) => (option(d, 1).name = "query"),
      /duplicate option name/,
    ],
    [
      "an option description over 100",
      (d: Record<string, unknown>) => (option(d, 0).description = "x".repeat(101)),
      /option 1 \(query\): description/,
    ],
    [
      "max_length over 6000",
      (d: Record<string, unknown>) => (option(d, 0).max_length = 6001),
      /max_length must be 1–6000/,
    ],
    [
      "min_value above max_value",
      (d: Record<string, unknown>) => Object.assign(option(d, 1), { min_value: 10, max_value: 5 }),
      /min_value is more than max_value/,
    ],
    [
      "choices with autocomplete",
      (d: Record<string, unknown>) =>
        Object.assign(option(d, 0), { autocomplete: true, choices: [{ name: "a", value: "a" }] }),
      /autocomplete cannot have choices/,
    ],
    [
      "26 options",
      (d: Record<string, unknown>) =>
        (d.options = Array.from({ length: 26 }, (_, i) => ({ ...option(d, 1), name: `o${i}` }))),
      /more than 25 options/,
    ],
    [
      "a subcommand option",
      (d: Record<string, unknown>) => (option(d, 1).type = 1),
      /unsupported option type 1/,
    ],
  ])("rejects %s", (_case, change, message) => {
    const definition = mutate(change);
    expect(commandProblems(definition).join("\n")).toMatch(message);
    expect(() => assertValidCommands([definition])).toThrow(CommandDefinitionError);
  });

  it("rejects two commands with one name, naming the command", () => {
    expect(() => assertValidCommands([good(), good()])).toThrow(
      /\/search: two commands have this name/,
    );
  });

  it("reports every problem at once", () => {
    const definition = mutate((d) => {
      d.name = "Bad Name";
      d.description = "";
    });
    expect(commandProblems(definition).length).toBeGreaterThanOrEqual(2);
  });
});
