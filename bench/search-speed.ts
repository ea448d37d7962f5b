/**
 * Speed and memory of search alone (the figures in the search helper's report): build time and
 * heap, query latency over ~100 queries, serialize size and time, deserialize time.
 *
 *   npx tsx bench/search-speed.ts                 # January 2022 (3,238 files, 2,410 articles)
 *   npx tsx bench/search-speed.ts <folder>        # any unpacked corpus, e.g. the 2020-2022 archive
 *
 * Run with `node --expose-gc --import tsx bench/search-speed.ts` for exact heap figures.
 */
import { availableParallelism } from "node:os";
import { loadArticles } from "../src/articles/loader.js";
import { silentLogger } from "../src/logger.js";
import { SearchIndex } from "../src/search/search.js";
import { skipMessage, unpackedCorpus } from "../test/corpus.js";

const QUERIES = [
  ..."北约 北約 谢尔曼 謝爾曼 乌克兰 烏克蘭 斯托尔滕贝格 里亚布科夫 普京 拜登 习近平 習近平 李克强 王毅 蔡英文 川普 特朗普".split(
    " ",
  ),
  ..."布林肯 泽连斯基 马克龙 岸田文雄 金正恩 中共 中国 美国 台湾 香港 新疆 西藏 北京 上海 武汉 深圳 俄罗斯 日本 韩国 欧盟".split(
    " ",
  ),
  ..."联合国 世卫 世界卫生组织 疫情 新冠 病毒 疫苗 奥密克戎 封城 冬奥 冬奥会 人权 法轮功 维吾尔 民主 选举 制裁 军演 导弹".split(
    " ",
  ),
  ..."台海 南海 经济 房地产 恒大 通胀 股市 美元 人民币 NATO nato Omicron covid-19 Biden Trump Pfizer WHO Apple Tesla".split(
    " ",
  ),
  ..."美 中 习 北 国 疫 中國共產黨 臺灣 國際 新冠病毒 中国共产党 全国人大 国务院 外交部 国防部 斯托尔腾贝格".split(
    " ",
  ),
  "北约 乌克兰",
  "习近平 冬奥",
  "台湾 美国",
  "香港 选举",
  "中共 人权",
  "疫情 封城 西安",
  "美国 制裁 中共",
  "火星基地",
  "量子纠缠态",
  "xyzzy",
  "谢尔曼说了什么",
];

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function percentile(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2);
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? unpackedCorpus("epoch-news-2022-01");
  if (!dir) {
    console.warn(skipMessage("bench/search-speed.ts"));
    return;
  }
  const loaded = await loadArticles(dir, { logger: silentLogger, workers: availableParallelism() });
  const articles = loaded.articles;
  gc?.();
  const before = process.memoryUsage();
  let started = performance.now();
  let index: SearchIndex | undefined = SearchIndex.build(articles);
  const buildMs = performance.now() - started;
  gc?.();
  const after = process.memoryUsage();
  console.log(`${loaded.files} files, ${articles.length} articles (${dir})`);
  console.log(
    `build ${buildMs.toFixed(0)} ms; heap +${mb(after.heapUsed - before.heapUsed)}, ` +
      `array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}, rss ${mb(after.rss)}${gc ? "" : " (run with --expose-gc for exact heap)"}`,
  );
  for (const query of QUERIES) index.search(query);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      const start = performance.now();
      index.search(query);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `search: ${QUERIES.length} queries × 3 after one warm-up round: p50 ${percentile(times, 0.5)} ms, ` +
      `p95 ${percentile(times, 0.95)} ms, p99 ${percentile(times, 0.99)} ms, max ${percentile(times, 1)} ms`,
  );
  started = performance.now();
  const data = index.serialize();
  console.log(`serialize ${(performance.now() - started).toFixed(0)} ms, ${mb(data.length)}`);
  // A warm start has only the loaded index in memory.
  index = undefined;
  gc?.();
  started = performance.now();
  const loadedIndex = SearchIndex.deserialize(data, articles);
  console.log(
    `deserialize ${(performance.now() - started).toFixed(0)} ms (${loadedIndex.size} articles)`,
  );
  gc?.();
  console.log(
    `rss after loading ${mb(process.memoryUsage().rss)}; peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

await main();
