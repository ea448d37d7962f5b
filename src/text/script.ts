import * as OpenCC from "opencc-js";
import { isHanCode } from "./chars.js";

/**
 * Script conversion between traditional and simplified Chinese (OpenCC), and a guess of which
 * script a text is written in.
 */

// Each converter holds tens of megabytes of dictionaries: built on first use only.
type Convert = (text: string) => string;
let t2s: Convert | undefined;
let s2t: Convert | undefined;

/** Phrase-aware traditional → simplified conversion, for display and aliases (may change length). */
export function toSimplified(text: string): string {
  const convert: Convert = t2s ?? OpenCC.Converter({ from: "t", to: "cn" });
  t2s = convert;
  return convert(text);
}

/** Simplified → traditional (Taiwan standard characters). */
export function toTraditional(text: string): string {
  const convert: Convert = s2t ?? OpenCC.Converter({ from: "cn", to: "t" });
  s2t = convert;
  return convert(text);
}

/**
 * Guesses the script of a text by counting characters that change under t→s conversion
 * (traditional-only) against those that change under s→t (simplified-only).
 */
export function detectScript(text: string): "gb" | "b5" {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if (!isHanCode(code)) continue;
    if (simplifiedCode(code) !== code) traditionalOnly++;
    else if (toTraditional(char) !== char) simplifiedOnly++;
  }
  return traditionalOnly > simplifiedOnly ? "b5" : "gb";
}

const simplifiedCodes = new Map<number, number>();

/** The simplified form of one Han character when OpenCC maps it to one UTF-16 unit, else itself. */
export function simplifiedCode(code: number): number {
  let simplified = simplifiedCodes.get(code);
  if (simplified === undefined) {
    const converted = toSimplified(String.fromCharCode(code));
    simplified = converted.length === 1 ? converted.charCodeAt(0) : code;
    simplifiedCodes.set(code, simplified);
  }
  return simplified;
}
