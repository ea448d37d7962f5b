import { localized } from "../src/app/i18n.js";
import type { Choice, HelpAnswer } from "../src/app/service.js";
import { UserError } from "../src/errors.js";
import { foldText } from "../src/text/text.js";
import { closestCommand, commandsOn, findCommand } from "./index.js";
import { defineCommand, type Surface } from "./spec.js";

/** Longest command name a member might type (`articles`, `/搜索`). */
const COMMAND_NAME_LENGTH = 32;

/**
 * Imported through `./index.js` only (it looks commands up in the registry, which lists it).
 * The answer is only that help was asked for, and for which command: each adapter lists the
 * commands from the registry, or explains the one named (`/help search`, `/帮助 搜索`).
 */
export const help = defineCommand({
  name: "help",
  names: localized("帮助", "help", "說明"),
  descriptions: localized("怎样使用读报", "How to use dubao", "怎樣使用讀報"),
  options: [
    {
      name: "command",
      type: "string",
      names: localized("命令", "command", "指令"),
      descriptions: localized(
        "只说明这一条命令，例如：搜索",
        "Explain this one command, e.g. search",
        "只說明這一條指令，例如：搜尋",
      ),
      positional: true,
      maxLength: COMMAND_NAME_LENGTH,
      autocomplete: true,
      placeholder: "COMMAND",
    },
  ],
  run({ surface }, { command }): HelpAnswer {
    const typed = command?.trim();
    if (!typed) return { command: "help" };
    return { command: "help", topic: helpTopic(typed, surface) };
  },
  autocomplete({ surface }, option, typed) {
    return option === "command" ? commandChoices(surface, typed) : [];
  },
});

/** The command a help topic names, by any of its names, with or without its slash. */
function helpTopic(typed: string, surface: Surface): string {
  const name = typed.normalize("NFKC").replace(/^\//, "");
  const found = findCommand(name, surface);
  if (found) return found.name;
  const slash = surface === "cli" ? "" : "/";
  const close = closestCommand(name, surface);
  throw new UserError("command.unknown", { command: typed }, [
    ...(close
      ? [{ code: "command.didYouMean", params: { suggestion: `${slash}help ${close.name}` } }]
      : []),
    {
      code: "command.known",
      params: { commands: commandsOn(surface).map((item) => `${slash}${item.name}`) },
    },
  ]);
}

/** The commands whose names (in any locale) contain what was typed, for autocomplete. */
function commandChoices(surface: Surface, typed: string): Choice[] {
  const wanted = foldText(typed.trim().replace(/^[/／]/, "")).toLowerCase();
  return commandsOn(surface)
    .map((item) => ({
      names: [...new Set([item.name, ...Object.values(item.names)])],
      value: item.name,
    }))
    .filter(({ names }) => names.some((name) => foldText(name).toLowerCase().includes(wanted)))
    .map(({ names, value }) => ({ name: names.join(" · "), value }));
}
