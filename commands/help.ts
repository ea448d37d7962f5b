import { localized } from "../src/app/i18n.js";
import type { HelpAnswer } from "../src/app/service.js";
import { defineCommand } from "./spec.js";

/** The answer is only that help was asked for: each adapter lists the commands from the registry. */
export const help = defineCommand({
  name: "help",
  names: localized("帮助", "help", "說明"),
  descriptions: localized("怎样使用读报", "How to use dubao", "怎樣使用讀報"),
  options: [],
  run(): HelpAnswer {
    return { command: "help" };
  },
});
