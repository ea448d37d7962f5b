import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { LIMITS, runAsk } from "../src/app/service.js";
import { renderAsk } from "../src/discord/render.js";
import { type BotCommand, pick, stringArg } from "./types.js";

const name = localized("提问", "ask", "提問");
const description = localized(
  "提一个问题，从文章中找出回答它的句子",
  "Ask a question; get the sentences of the articles that answer it",
  "提一個問題，從文章中找出回答它的句子",
);

export const ask: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("ask")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .addStringOption((option) =>
      option
        .setName("question")
        .setNameLocalizations(localized("问题", "question", "問題"))
        .setDescription("你的问题，例如：谁领导了美国代表团？")
        .setDescriptionLocalizations(
          localized(
            "你的问题，例如：谁领导了美国代表团？",
            "Your question, e.g. 谁领导了美国代表团？",
            "你的問題，例如：誰領導了美國代表團？",
          ),
        )
        .setRequired(true)
        .setMaxLength(LIMITS.question),
    )
    .toJSON(),
  execute({ archive, locale }, args, page) {
    return pick(
      renderAsk(runAsk(archive, { question: stringArg(args, "question") ?? "" }), locale),
      page,
    );
  },
};
