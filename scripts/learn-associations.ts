/**
 * Learns word associations for /ask's soft matches (issue 12): which words the archive uses in
 * the same contexts (丧命/死亡, 纵火/放火, 升息/加息), from the archive itself.
 *
 *   npx tsx scripts/learn-associations.ts <unpacked archive>/pages data/word-associations.txt
 *
 * Method: every article's Chinese text (tags stripped, folded) is cut by jieba; the VOCABULARY
 * most frequent content words (two or more Han characters, no stop words) are the targets, the
 * CONTEXTS most frequent ones the context features; co-occurrences within WINDOW words give a
 * PPMI matrix (context distribution smoothed by 0.75), its rows are reduced to DIMENSIONS by a
 * seeded random projection (which keeps cosines, Johnson–Lindenstrauss) and each word keeps its
 * NEIGHBOURS nearest words by cosine above MIN_SIMILARITY, quantised to two digits. Second-order
 * similarity: words that share contexts, not words that occur together.
 *
 * The articles that bench/ask asks about (dev, test and the pool: bench/ask/selection.json and
 * pool.json) are left out, so that the associations are not learned from the evaluation.
 * Deterministic for a given archive (sorted files, seeded projection).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { foldText, segmenter, stopWords } from "../src/text/text.js";

const VOCABULARY = 20_000;
const CONTEXTS = 3_000;
const WINDOW = 5;
const DIMENSIONS = 192;
const NEIGHBOURS = 8;
const MIN_SIMILARITY = 0.35;

const [pagesDir, outFile] = process.argv.slice(2);
if (!pagesDir || !outFile) {
  console.error("usage: tsx scripts/learn-associations.ts <archive pages dir> <output file>");
  process.exit(2);
}

function benchPaths(): Set<string> {
  const paths = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "path" && typeof inner === "string") paths.add(inner);
        else collect(inner);
      }
    }
  };
  for (const file of ["bench/ask/selection.json", "bench/ask/pool.json"])
    collect(JSON.parse(readFileSync(file, "utf8")));
  return paths;
}

function articleText(raw: string): string {
  const body = raw.includes("articleBody") ? raw.slice(raw.indexOf("articleBody")) : raw;
  return foldText(body.replace(/<[^>]*>/g, " ").replace(/\[[^\]]*\]\([^)]*\)/g, " "));
}

const excluded = benchPaths();
const files: string[] = [];
for (const channel of readdirSync(pagesDir).sort()) {
  for (const name of readdirSync(join(pagesDir, channel)).sort()) {
    const path = `${channel}/${name}`;
    if (name.endsWith(".md") && !excluded.has(path)) files.push(path);
  }
}
console.error(`${files.length} articles (${excluded.size} of bench/ask left out)`);

const stop = stopWords();
const ids = new Map<string, number>();
const words: string[] = [];
const counts: number[] = [];
const documents: Int32Array[] = [];
const jieba = segmenter();
const started = Date.now();
files.forEach((path, n) => {
  const text = articleText(readFileSync(join(pagesDir, path), "utf8"));
  const sequence: number[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (const word of jieba.cut(run, true)) {
      // -1 marks a word that is no content word: it still counts for the window's distance.
      if (word.length < 2 || stop.has(word)) {
        sequence.push(-1);
        continue;
      }
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        counts.push(0);
      }
      counts[id] = (counts[id] as number) + 1;
      sequence.push(id);
    }
    sequence.push(-1);
  }
  documents.push(Int32Array.from(sequence));
  if (n % 5000 === 0)
    console.error(`${n} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
});

const byFrequency = words
  .map((_, id) => id)
  .sort((a, b) => (counts[b] as number) - (counts[a] as number));
const target = new Int32Array(words.length).fill(-1);
const context = new Int32Array(words.length).fill(-1);
byFrequency.slice(0, VOCABULARY).forEach((id, rank) => {
  target[id] = rank;
});
byFrequency.slice(0, CONTEXTS).forEach((id, rank) => {
  context[id] = rank;
});
const vocabulary = byFrequency.slice(0, VOCABULARY).map((id) => words[id] as string);

console.error("co-occurrences");
const cooc = new Float32Array(VOCABULARY * CONTEXTS);
for (const sequence of documents) {
  for (let i = 0; i < sequence.length; i++) {
    const row = target[sequence[i] as number] ?? -1;
    if ((sequence[i] as number) < 0 || row < 0) continue;
    const from = Math.max(0, i - WINDOW);
    const to = Math.min(sequence.length - 1, i + WINDOW);
    for (let j = from; j <= to; j++) {
      if (j === i || (sequence[j] as number) < 0) continue;
      const col = context[sequence[j] as number] as number;
      if (col >= 0) cooc[row * CONTEXTS + col] = (cooc[row * CONTEXTS + col] as number) + 1;
    }
  }
}

console.error("ppmi and projection");
const rowSums = new Float64Array(VOCABULARY);
const colSums = new Float64Array(CONTEXTS);
let total = 0;
for (let r = 0; r < VOCABULARY; r++) {
  for (let c = 0; c < CONTEXTS; c++) {
    const value = cooc[r * CONTEXTS + c] as number;
    rowSums[r] = (rowSums[r] as number) + value;
    colSums[c] = (colSums[c] as number) + value;
    total += value;
  }
}
let smoothedTotal = 0;
const smoothed = colSums.map((sum) => sum ** 0.75);
for (const value of smoothed) smoothedTotal += value;

let seed = 12;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const projection = new Float32Array(CONTEXTS * DIMENSIONS);
for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;

const vectors = new Float32Array(VOCABULARY * DIMENSIONS);
for (let r = 0; r < VOCABULARY; r++) {
  const rowSum = rowSums[r] as number;
  if (rowSum === 0) continue;
  const out = r * DIMENSIONS;
  for (let c = 0; c < CONTEXTS; c++) {
    const value = cooc[r * CONTEXTS + c] as number;
    if (value === 0) continue;
    const pmi = Math.log((value * smoothedTotal) / (rowSum * (smoothed[c] as number)));
    if (pmi <= 0) continue;
    const base = c * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++)
      vectors[out + d] = (vectors[out + d] as number) + pmi * (projection[base + d] as number);
  }
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += (vectors[out + d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMENSIONS; d++) vectors[out + d] = (vectors[out + d] as number) / norm;
}
void total;

console.error("neighbours");
const lines: string[] = [
  "# Word associations learned from the archive by scripts/learn-associations.ts (PPMI over",
  `# ±${WINDOW}-word windows of jieba words, ${DIMENSIONS}-dimensional random projection, cosine).`,
  "# One word a line: the word, then up to 8 neighbours as word:similarity (two digits).",
  `# Rebuild: npx tsx scripts/learn-associations.ts <unpacked archive>/pages ${outFile}`,
];
const similarities = new Float32Array(VOCABULARY);
for (let r = 0; r < VOCABULARY; r++) {
  const a = r * DIMENSIONS;
  for (let o = 0; o < VOCABULARY; o++) {
    if (o === r) {
      similarities[o] = -1;
      continue;
    }
    const b = o * DIMENSIONS;
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d++)
      dot += (vectors[a + d] as number) * (vectors[b + d] as number);
    similarities[o] = dot;
  }
  const best: number[] = [];
  for (let o = 0; o < VOCABULARY; o++) {
    const value = similarities[o] as number;
    if (value < MIN_SIMILARITY) continue;
    if (best.length < NEIGHBOURS) {
      best.push(o);
      best.sort((x, y) => (similarities[y] as number) - (similarities[x] as number));
    } else if (value > (similarities[best[NEIGHBOURS - 1] as number] as number)) {
      best[NEIGHBOURS - 1] = o;
      best.sort((x, y) => (similarities[y] as number) - (similarities[x] as number));
    }
  }
  if (best.length > 0)
    lines.push(
      `${vocabulary[r]} ${best.map((o) => `${vocabulary[o]}:${(similarities[o] as number).toFixed(2).slice(1)}`).join(" ")}`,
    );
  if (r % 2000 === 0) console.error(`${r} words, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
writeFileSync(outFile, `${lines.join("\n")}\n`);
console.error(`wrote ${lines.length - 4} words to ${outFile}`);
