import { toTraditional } from "../text/text.js";
import { DEFAULT_LOCALE, type Locale } from "./messages/index.js";

/**
 * The three locales the bot speaks (zh-CN, zh-TW, en-US). Its words live in the catalogs of
 * `src/app/messages/`; article text and the core's answers are never translated.
 */

export {
  DEFAULT_LOCALE,
  format,
  LOCALES,
  type Locale,
  type MessageCode,
} from "./messages/index.js";

/** Maps a Discord locale (`interaction.locale`: `zh-CN`, `zh-TW`, `en-GB`, `fr`…) to ours. */
export function pickLocale(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return DEFAULT_LOCALE;
  const lower = discordLocale.toLowerCase();
  if (lower === "zh-tw" || lower === "zh-hk" || lower === "zh-hant") return "zh-TW";
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en-US";
  return DEFAULT_LOCALE;
}

/** Names and descriptions of the commands and their options, in each locale. */
export interface Localized {
  "zh-CN": string;
  "zh-TW": string;
  "en-US": string;
}

export function localized(zh: string, en: string, tw?: string): Localized {
  return { "zh-CN": zh, "zh-TW": tw ?? toTraditional(zh), "en-US": en };
}
