import { enUS } from "./en-US.js";
import { type Catalog, type MessageCode, zhCN } from "./zh-CN.js";
import { zhTW } from "./zh-TW.js";

/**
 * Messages as data: a message is a code and its parameters; the text comes from the catalog of
 * the reader's locale. Only the formatter below turns them into words.
 */

export const LOCALES = ["zh-CN", "zh-TW", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export type { MessageCode };
export type MessageParam = string | number | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message not yet put into words. */
export interface Message {
  code: string;
  params?: MessageParams;
}

export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  "zh-CN": zhCN,
  "zh-TW": zhTW,
  "en-US": enUS,
};

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(zhCN, code);
}

const PLACEHOLDER = /\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g;

/**
 * The text of a message in a locale. A code missing from the catalogs is shown as it is, so a
 * message written as plain text still reaches the reader rather than vanishing.
 */
export function format(locale: Locale, code: string, params: MessageParams = {}): string {
  if (!isMessageCode(code)) return code;
  const catalog = CATALOGS[locale];
  return catalog[code].replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? "");
    if (Array.isArray(value)) return value.join(catalog["ui.listSeparator"]);
    return String(value);
  });
}
