import { bylineReporters, EDITOR, EDITOR_INLINE, editorName, isByline } from "./byline.js";
import { cleanBlock } from "./clean.js";
import { DATELINE, isoDate } from "./dates.js";
import type { Block } from "./dom.js";

/**
 * The body's paragraphs from its blocks: dateline, byline and editor line taken off as fields;
 * link prompts, photo credits, sign-offs and trailing credits dropped.
 */

/** Paragraphs that are link prompts or separators, dropped wherever they are. */
const NAV_LINE =
  /点击这里|點擊這裡|点此$|點此$|点阅|點閱|点击观看|點擊觀看|点击下载|點擊下載|扫码|掃碼|(?:相关|相關)(?:链接|鏈接|新闻|新聞|文章|阅读|閱讀)[:：]?$/;
const END_MARKS = new Set([0x23, 0xff03, 0x25c7, 0x25c6]);
const END_MARK = /(?<![A-Za-z0-9+])\s*[#＃◇◆]+$/;
export const HAS_CONTENT = /[\p{L}\p{N}]/u;
/** A photo credit standing as a paragraph under an image: （微博截图） （大纪元资料图片） */
export const IMAGE_CREDIT =
  /^[（(][^（）()]{0,24}(?:截图|截圖|图片|圖片|照片|摄影|攝影|供图|供圖|资料图|資料圖)[）)]$/;

/** Trailing credits and notices, dropped from the end of the body only (never mid-article). */
const TRAILER_PATTERNS: RegExp[] = [
  // Source lines and end marks: （中央社） （转自美国之音） （完） （未完待续）
  /^[（(【[][^（）()【】]{0,40}(?:转|轉|来源|來源|社|之音|电台|電台|新闻网|新聞網|报|報|网|網|完|待续|待續|摘编|摘編|节选|節選)[^（）()【】]{0,20}[）)】\]]$/,
  // ——转载自《新纪元》, 文章来源：…, 资料来源：明慧网
  /^[—－\-–\s]*(?:转载自|轉載自|转自|轉自|来源|來源|文章来源|文章來源|资料来源|資料來源|原文出处|原文出處|本文转自|本文轉自)/,
  // 本文仅代表作者本人的观点…; 本文所表达的是作者的观点…; （本视频只代表作者的观点和陈述）
  /^[（(]?(?:本文|文章|以上|本视频|本視頻)?(?:内容|內容|所表达的是|所表達的是)?(?:仅|只|僅)?(?:代表)?作者(?:本人|个人|個人)?的?(?:观点|觀點|意见|意見)/,
  // 《新闻看点》制作组, 【探索时分】节目组制作, 财商经济研究所, ——大纪元首发
  /^.{0,20}(?:制作组|製作組|编辑部|編輯部|节目组|節目組|研究所|工作室|节目组制作|節目組製作)$|^[—－\-\s]*(?:大纪元首发|大紀元首發)$/,
  // Credits: 撰文：… 编辑：… 监制：… 主播：… 制图：… 配音：…
  /^.{0,4}(?:撰文|编辑|編輯|剪辑|剪輯|监制|監製|策划|策劃|后制|後製|顾问|顧問|主播|制图|製圖|绘图|繪圖|配音|摄像|攝像|文字整理|财商经济研究所策划)[:：]/,
  // （英文大纪元记者X对本文有贡献。） 大纪元记者骆亚对本报导有所贡献。 案例资料源自明慧网
  /(?:对|對|为|為)(?:本|此)(?:文|报导|報導|报道|報道)(?:有所|有|做出|作出)(?:贡献|貢獻)|^(?:案例)?(?:资料|資料)(?:来|來|源)自/,
  // A lead-in or heading left dangling at the end: 优乐客会员新年优惠方案： ▼相关影片
  /[:：]$|^[▼▲►]?\s*(?:相关|相關)(?:影片|视频|視頻|新闻|新聞|链接|鏈接|文章|阅读|閱讀|报导|報導)$/,
  // A host's goodbye: 今天就先说到这里…我们不见不散。
  /(?:今天|今日)就(?:先)?(?:说|說|聊|讲|講)到这里|(?:今天|今日)就(?:先)?(?:说|說|聊|讲|講)到這裡|不见不散|不見不散|我们明天见|我們明天見|下次(?:节目)?再见|下次(?:節目)?再見/,
  // A bare timestamp: 2022-01-10 12:30
  /^[\d\s:：/.\-年月日时時分]+$/,
  // A short lead-in and a bare link: 观看完整影片及文稿请至：https://… 大纪元脸书直播：facebook.com/…
  /^[^。！？!?，,]{0,24}(?:\s*(?:https?:\/\/|www\.|facebook\.com|t\.me\/)\S+)+$/,
  // Promotion and appeals: 2022年费通票大优惠… 【支持】为真相护航… 关注我们facebook主页… 请点这里
  /^.{0,40}(?:优惠|優惠).{0,40}$|(?:欢迎|歡迎)(?:订阅|訂閱)|(?:谢谢|謝謝|感谢|感謝)[^。]{0,10}(?:收看|观看|觀看|收听|收聽)|^【支持】|(?:关注|關注)我们|請點這裡|请点这里|请点击|請點擊|爆料(?:邮箱|信箱|郵箱)|电报群|電報群|Telegram/,
];
const MAX_TRAILER_LENGTH = 120;
/** A video programme's sign-off asking for likes, subscriptions or members (longer lines too). */
const SIGN_OFF =
  /点赞|點讚|點贊|订阅我们|訂閱我們|官方公告群|会员网站|會員網站|完整.{0,4}(?:观看|觀看)|(?:观看|觀看)完整/;

function isTrailer(text: string): boolean {
  if (text.length <= 300 && SIGN_OFF.test(text)) return true;
  return (
    text.length <= MAX_TRAILER_LENGTH && TRAILER_PATTERNS.some((pattern) => pattern.test(text))
  );
}

export interface BodyFields {
  paragraphs: string[];
  date: string | null;
  reporter: string | null;
  editor: string | null;
}

/** Dateline and byline off the first paragraph; editor line, nav lines and trailers out. */
export function refineBody(blocks: Block[]): BodyFields {
  const texts: { text: string; heading: boolean }[] = [];
  for (const block of blocks) {
    for (const text of cleanBlock(block.text, block.heading))
      texts.push({ text, heading: block.heading });
  }
  let date: string | null = null;
  let reporter: string | null = null;
  let editor: string | null = null;

  // The dateline opens one of the first few paragraphs: 【大纪元2022年01月11日讯】（大纪元记者李馨编译报导）
  let bylineAt = 0;
  for (let i = 0; i < Math.min(texts.length, 4); i++) {
    const entry = texts[i];
    const match = entry ? DATELINE.exec(entry.text) : null;
    if (!entry || !match) continue;
    const number = (value: string | undefined) => Number((value ?? "").replace(/\s/g, ""));
    date = isoDate(number(match[2]), number(match[3]), number(match[4]));
    entry.text = entry.text.slice(match[0].length).trimStart();
    bylineAt = i;
    break;
  }
  // The byline follows the dateline, or opens the body when there is no dateline.
  const bylineEntry = texts[bylineAt];
  const byline = bylineEntry ? /^[（(]([^（）()]{1,80})[）)]/.exec(bylineEntry.text) : null;
  if (bylineEntry && byline?.[1] && isByline(byline[1])) {
    const names = bylineReporters(byline[1]);
    if (names.length > 0) reporter = names.join("、");
    bylineEntry.text = bylineEntry.text.slice(byline[0].length).trimStart();
  }

  const kept: string[] = [];
  for (const entry of texts) {
    let text = entry.text;
    const editorAt =
      text.includes("编辑") || text.includes("編輯") ? text.search(EDITOR_INLINE) : -1;
    if (editorAt >= 0) {
      const line = EDITOR.exec(text.slice(editorAt));
      if (line) {
        const name = editorName(line[1] ?? "");
        if (name && !editor) editor = name;
        text = text.slice(0, editorAt).trim();
      }
    }
    // The end mark of Epoch Times articles: `…社会动荡。#` (also ＃ and ◇), never `C#`.
    if (END_MARKS.has(text.charCodeAt(text.length - 1))) text = text.replace(END_MARK, "").trim();
    if (!text || !HAS_CONTENT.test(text)) continue;
    if (text.length <= 40 && (NAV_LINE.test(text) || IMAGE_CREDIT.test(text))) continue;
    if (text.length <= 120 && SIGN_OFF.test(text)) continue;
    kept.push(text);
  }
  // Trailers go from the end, but the first paragraph always stays.
  while (kept.length > 1 && isTrailer(kept[kept.length - 1] ?? "")) kept.pop();
  const last = kept.length - 1;
  if (last >= 0) {
    const trimmed = (kept[last] ?? "").replace(/\s*[（(]完[）)]$/, "").trim();
    if (trimmed) kept[last] = trimmed;
    else kept.pop();
  }
  return { paragraphs: kept, date, reporter, editor };
}
