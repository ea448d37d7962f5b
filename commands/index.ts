import { nameDistance } from "../src/text/edit-distance.js";
import { articles } from "./articles.js";
import { ask } from "./ask.js";
import { help } from "./help.js";
import { people } from "./people.js";
import { quotes } from "./quotes.js";
import { search } from "./search.js";
import { source } from "./source.js";
import { type AnyCommand, offeredOn, type Surface } from "./spec.js";
import { summary } from "./summary.js";

/**
 * The one registry of commands, in the order help lists them. Discord's definitions, the CLI's
 * parser and usage, and the console's help are all generated from it.
 */
export const COMMANDS: readonly AnyCommand[] = [
  search,
  summary,
  quotes,
  ask,
  source,
  articles,
  people,
  help,
];

export function commandsOn(surface: Surface): AnyCommand[] {
  return COMMANDS.filter((command) => offeredOn(command, surface));
}

/** A command by its name or any localised name (`search`, `搜索`, `搜尋`), on a surface. */
export function findCommand(name: string, surface: Surface): AnyCommand | undefined {
  const wanted = name.toLowerCase();
  return commandsOn(surface).find(
    (command) =>
      command.name === wanted || Object.values(command.names).some((local) => local === name),
  );
}

/** The command a mistyped name was probably meant to be (`serch` → search), if one is close. */
export function closestCommand(name: string, surface: Surface): AnyCommand | undefined {
  const wanted = name.toLowerCase();
  let best: AnyCommand | undefined;
  let bestDistance = 0.4;
  for (const command of commandsOn(surface)) {
    for (const candidate of [command.name, ...Object.values(command.names)]) {
      const distance = nameDistance(wanted, candidate);
      if (distance <= bestDistance) {
        best = command;
        bestDistance = distance;
      }
    }
  }
  return best;
}

export type { AnyCommand, ArgumentsOf, CommandContext, CommandSpec, Surface } from "./spec.js";
