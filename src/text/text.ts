/**
 * The Chinese text pipeline in one import: character classes (chars.ts), folding with its offset
 * map (fold.ts), script conversion (script.ts), segmentation and content words (segment.ts).
 * Sentences are in sentences.ts, edit distance in edit-distance.ts, word lists in lexicon.ts.
 */

export { countHan, isHan, isHanCode } from "./chars.js";
export {
  type FoldedText,
  foldCode,
  foldConcat,
  foldedLettersAndDigits,
  foldText,
  foldWithOffsets,
  NAME_DOT,
  NAME_DOTS,
} from "./fold.js";
export { detectScript, toSimplified, toTraditional } from "./script.js";
export { contentWords, segmenter, segmentWords, stopWords } from "./segment.js";
