import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { format, type Locale } from "../app/i18n.js";
import { LIMITS } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import type { Article } from "../articles/article.js";
import { UserError } from "../errors.js";
import { ASK_QUESTION_FIELD, askButtonId, askModalId } from "./paging.js";
import { type AskButton, clipUnits } from "./render.js";

/**
 * Asking about one article from Discord: the 「就此文提问」 buttons under /summary and /search
 * answers, the modal a click opens, and the question read back from its submission.
 */

/** The question buttons of a page (at most five, one row); an id too long for Discord is left out. */
export function askButtons(asks: readonly AskButton[]): ButtonBuilder[] {
  return asks
    .flatMap((ask) => {
      const customId = askButtonId(ask.articleId);
      return customId
        ? [
            new ButtonBuilder()
              .setCustomId(customId)
              .setLabel(ask.label)
              .setEmoji("❓")
              .setStyle(ButtonStyle.Primary),
          ]
        : [];
    })
    .slice(0, 5);
}

/** The article a question button or modal names; an id the archive no longer has is the member's error. */
export function articleNamed(archive: Archive, id: string): Article {
  const article = id.trim() ? archive.get(id) : undefined;
  if (article) return article;
  throw new UserError("article.notFound", { id: id.trim().slice(0, 60) }, [
    { code: "article.listHint" },
  ]);
}

/** Discord's limits on a modal's title and a text input's label. */
const MODAL_TITLE = 45;
const INPUT_LABEL = 45;

/** The modal of a question button: one text input for the question, titled with the article. */
export function questionModal(
  article: Pick<Article, "id" | "title">,
  locale: Locale,
): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(ASK_QUESTION_FIELD)
    .setLabel(clipUnits(format(locale, "ask.questionLabel"), INPUT_LABEL))
    .setPlaceholder(format(locale, "ask.questionPlaceholder"))
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(LIMITS.question);
  return new ModalBuilder()
    .setCustomId(askModalId(article.id))
    .setTitle(clipUnits(`${format(locale, "ask.button")} · ${article.title}`, MODAL_TITLE))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** The question typed into the modal; a submission without the field counts as an empty one. */
export function questionOf(interaction: ModalSubmitInteraction): string {
  const field = interaction.fields.fields.get(ASK_QUESTION_FIELD);
  return field && "value" in field && typeof field.value === "string" ? field.value : "";
}
