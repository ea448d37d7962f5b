import { wordList, wordSet } from "../text/lexicon.js";
import { alternation, LiteralMatcher, MANNER_OPENINGS, SPEECH_VERBS } from "../text/names.js";
import { segmenter } from "../text/text.js";

/**
 * Speech verbs and the words around them: what ends a speaker clause (`谢尔曼说`), what starts one
 * after a name (`（Jeremy Carey）表示`), what looks like a speech verb but is not (`据说`, `所谓`),
 * and the modifiers between a speaker and the verb (`在记者会上`, `周一`).
 */

/**
 * Two verbs in a row end a speaker clause together (`姜家文反驳称`, not 文反驳 + 称); a verb that is
 * also the noun for a statement (`声明说`: the statement speaks) does not chain.
 */
const SPEECH_VERB_NOUNS = wordSet("speech-verb-nouns");
const CHAINED_VERBS = SPEECH_VERBS.filter(
  (verb) => verb.length >= 2 && !SPEECH_VERB_NOUNS.has(verb),
).join("|");

/**
 * A verb that ends a speaker clause: `谢尔曼说`, `她补充说`, `赵立坚在记者会上表示`; 指 for 指出
 * (`王先生指，…`), which callers take only before ， or ： and not in 是指, 所指 (not-speech-endings).
 */
export const VERB_AT_END = new RegExp(
  `(?:(?:${CHAINED_VERBS})(?:称|说|道)|${SPEECH_VERBS.join("|")}|指|提出|告诉[^,。:;“”「」]{1,30}|(?<![顾访学疑])问[^,。:;“”「」]{1,10}|对(?!此)[^,。:;“”「」]{1,20}(?:说|表示)|的(?:${alternation(wordList("speech-nouns"))})(?:是|为|如下)?)$`,
);
/** A speaker clause going on after a name: `（Jeremy Carey）表示`, `在声明中说`. */
export const VERB_AT_START = new RegExp(
  `^(?:[^,。:;“”「」]{0,10}?)(?:${SPEECH_VERBS.filter((verb) => verb.length > 1 || verb === "说" || verb === "称").join("|")})`,
);

/** Speech verbs anywhere (for partial quotes and reported speech); 问/答 alone are too ambiguous. */
export const VERB_MATCHER = new LiteralMatcher(
  SPEECH_VERBS.filter((verb) => verb !== "问" && verb !== "答"),
);

export interface VerbMatch {
  index: number;
  length: number;
}

/** 指 used as 指出 (`王先生指，…`, `他又指：“…”`): only right before ， or ：. */
const ZHI_BEFORE_PUNCT = /指(?=[,:])/g;
/** 提出 right before ， or ： (`他提出，…`). */
const TICHU_BEFORE_PUNCT = /提出(?=[,:])/g;

/**
 * The speech verbs of a paragraph, `告诉记者，` counting as one verb up to its punctuation, and 指
 * before ， or ： (not 是指, 所指, 手指: not-speech-endings).
 */
export function findVerbs(text: string): VerbMatch[] {
  const verbs: VerbMatch[] = [];
  // 提出 before ， or ： reports speech (`王军又提出，想让…`); before a noun it is no speech act
  // (`提出要求`, `提出“…”`), so it is not in the speech verbs.
  if (text.includes("提出")) {
    for (const m of text.matchAll(TICHU_BEFORE_PUNCT)) verbs.push({ index: m.index, length: 2 });
  }
  if (text.includes("指")) {
    for (const m of text.matchAll(ZHI_BEFORE_PUNCT)) {
      if (!NOT_SPEECH_ENDINGS.test(text.slice(Math.max(0, m.index - 6), m.index + 1)))
        verbs.push({ index: m.index, length: 1 });
    }
  }
  for (const { index, word } of VERB_MATCHER.matchAll(text)) {
    if (word === "告诉") {
      const tail = /^[^,。:;“”「」]{1,30}(?=[,:])/.exec(text.slice(index + 2, index + 34));
      if (tail) {
        verbs.push({ index, length: 2 + tail[0].length });
        continue;
      }
    }
    verbs.push({ index, length: word.length });
  }
  if (verbs.length > 1) verbs.sort((a, b) => a.index - b.index);
  return verbs;
}

/** Words ending in a speech-verb character that are not speech by a person. */
export const NOT_SPEECH_ENDINGS = new RegExp(`(?:${alternation(wordList("not-speech-endings"))})$`);

/** Prefixes of a speaker clause that do not name anyone (但, 据, 对此, 随后). */
export const LEADING_CONNECTIVES = new RegExp(
  `^(?:${alternation(wordList("clause-connectives"))}|,|、|\\s)+`,
);

/** Where the words were put: `于脸书`, `在推特上`. */
const ON_PLATFORM = `(?:在|于)?(?:${alternation(wordList("speech-platforms"))})(?:上|中|里)?`;

/** A speaker clause that is only where the words were put: `于脸书写道`, `在推特上说`. */
export const PLATFORM_ONLY = new RegExp(`^${ON_PLATFORM}$`);

/**
 * An adverbial in -地 at the end of a speaker clause: the longest run before 地 (at most five
 * characters) the dictionary knows as a word, so that `麻生太郎直接了当地` keeps the name's last
 * character (`郎直接了当` is no word); a run the dictionary does not know is taken whole.
 */
function adverbialAtEnd(s: string): { index: number; 0: string } | null {
  const m = /[\u4e00-\u9fff]{1,5}地$/.exec(s);
  if (!m) return null;
  const run = m[0].slice(0, -1);
  for (let k = run.length; k >= 1; k--) {
    if (!isOneWord(run.slice(run.length - k))) continue;
    // `毫无羞耻地`, `一脸无奈地`: a manner opening before the word belongs to the adverbial.
    if (k + 2 <= run.length && MANNER_OPENINGS.has(run.slice(run.length - k - 2, run.length - k)))
      k += 2;
    return { index: s.length - k - 1, 0: s.slice(s.length - k - 1) };
  }
  return { index: m.index, 0: m[0] };
}

/** Whether the dictionary reads the text as one word that is not a name (直接了当, 悲愤). */
function isOneWord(text: string): boolean {
  const tagged = segmenter().tag(text, false);
  return tagged.length === 1 && tagged[0]?.word === text && !/^nr/.test(tagged[0].tag);
}

/** Time words, adverbs and prepositional phrases between a speaker and the speech verb. */
export const TRAILING_MODIFIERS = [
  new RegExp(`(?:${alternation(wordList("speaker-adverbs"))})$`),
  // Adverbials in -地: `温柔地`, `消沉地`, `毫不客气地`.
  { exec: adverbialAtEnd },
  /(?:周|星期|礼拜)[一二三四五六日天末](?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})(?:日|号)(?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9]{1,2}月)?[0-9]{1,2}日$/,
  /(?:(?:[0-9]{2,4}|去|今|前)年)?[0-9一二三四五六七八九十]{1,2}月份?(?:初|中|底|上旬|中旬|下旬|末)?$/,
  /(?:[0-9]{2,4}|去|今|前)年(?:初|中|底|末)?$/,
  // The last 在/于 phrase (`在香港长大的…莫炽韬（Max Mok）在递出T恤时` keeps the name).
  /(?:在|于)(?:接受)?[^,。;:在于]{1,40}$/,
  /(?:接受|受)[^,。;:]{0,40}(?:采访|访问|专访|访)时?$/,
  /受访时?$/,
  /(?:在|于|对|向|跟|给|同|从)$/,
  // `习近平站在白宫玫瑰园中承诺`, `马科维茨出现在…视频中说`: a verb of posture or appearance left
  // when its 在 phrase is gone.
  /(?:站|坐|出现|现身|露面)$/,
  new RegExp(`${ON_PLATFORM}$`),
  // `谭克非针对…访台声称`: a topic phrase after the subject goes whole (针 is no name's end); one
  // opening the clause (`针对王建国的提问，`) leaves it as it was, subjectless or no one.
  /(?:(?<=.)(?:针对|对于|关于)|对|向|跟|给|同|通过|透过|借|藉由)[^,。;:对向跟给同]{1,24}$/,
  // `作出结论`, `热情赞扬那些…`: a verb phrase between the subject and the speech verb, tried last.
  /\([^)]*\)$/,
  // `召开新闻发布会说`, `举行记者会时表示`: the event the speaker holds.
  /(?:召开|举行|出席|主持)[^,。;:]{0,10}(?:会|会议)(?:时|上|中)?$/,
  // A speech act before the verb: `也发推文讽刺说`, `在推特发文说`, `撰文指出`.
  new RegExp(`(?:${alternation([...wordList("speech-acts"), ...SPEECH_VERBS])})$`),
];

const TERM_INTRODUCER = new RegExp(`(?:${alternation(wordList("term-introducers"))})$`);
const TERM_HEAD = new RegExp(`^(?:${alternation(wordList("term-heads"))})`);
/** `支持“绿色新政”`, `颁给了“时代革命”` (not the noun: `对台湾的支持“坚如磐石”`). */
const TERM_OBJECT_VERB = new RegExp(`(?<!的)(?:${alternation(wordList("term-object-verbs"))})了?$`);

/** Quoted terms rather than words someone said: 所谓的“清零”政策, “一带一路”倡议, “A”、“B”. */
export function looksLikeTerm(text: string, open: number, close: number, inner: string): boolean {
  const before = text.slice(Math.max(0, open - 6), open);
  const after = close >= 0 ? text.slice(close + 1, close + 6) : "";
  if (TERM_INTRODUCER.test(before)) return true;
  // `用“厦门已沦陷了”来形容`: a phrase people use to describe something, nobody's statement.
  if (/用$/.test(before) && /^\s*[,]?\s*(?:来)?(?:形容|描述|比喻|概括|称呼)/.test(after))
    return true;
  const hanCount = inner.replace(/[^\u4e00-\u9fff]/g, "").length;
  if (hanCount <= 12) {
    // A name of a thing: “促进宗教自由部长级会议”（Ministerial…）, “日本台湾交流协会”.
    if (/^\s*\(\s*[A-Za-z]/.test(after) || THING_NAME_HEAD.test(inner.trim())) return true;
    // The one spoken to (告诉“美国之音”：, 对“大纪元”表示): a medium or a body, not words.
    if (ADDRESSEE_BEFORE.test(before)) return true;
  }
  // `举着“…”的标语`, `“…”的说法`: the marks name the words of a banner or a saying.
  if (after.startsWith("的") && TERM_HEAD.test(after.slice(1)) && !/^的[、等]/.test(after))
    return true;
  // `“…”9字真言`, `“…”八个字`: the marks quote a phrase counted in characters, a motto.
  if (/^[0-9一二三四五六七八九十两]+个?字/.test(after)) return true;
  const short = inner.replace(/[^\u4e00-\u9fff]/g, "").length <= 8;
  if (short && TERM_HEAD.test(after)) return true;
  if (short && TERM_OBJECT_VERB.test(before)) return true;
  const han = inner.replace(/[^\u4e00-\u9fff]/g, "").length;
  if (han <= 2) return true;
  // `中共的“认知作战”`, `香港的“时代革命”`: a short phrase in marks owned by a place or a body is
  // the name of its thing, not words someone said (`对日本的“示威行动”` may be).
  if (han <= 6 && OWNED_BY_BODY.test(before) && !/[。!?…,]/.test(inner)) return true;
  if (han <= 6 && after.startsWith("的")) return true;
  return false;
}

/** A place or a body and 的 right before the marks (中共的, 香港的): lexicon places, organisations. */
const OWNED_BY_BODY = new RegExp(
  `(?<![对向跟给与和同])(?:${alternation([...wordList("places"), ...wordList("organisations")])})的$`,
);

const THING_NAME_HEAD = new RegExp(`(?:${alternation(wordList("thing-name-heads"))})$`);
const ADDRESSEE_BEFORE = new RegExp(`(?:${alternation(wordList("addressee-markers"))})$`);

/**
 * `《…》` titles and bare names are never quotes, nor a short name of a thing with its English
 * abbreviation inside the marks (`“战场情报准备（IPB）”`).
 */
export function looksLikeTitle(inner: string): boolean {
  const trimmed = inner.trim();
  if (/^《[^》]*》$/.test(trimmed)) return true;
  return (
    /^[^,。!?:;]{2,16}[(（]\s*[A-Za-z][A-Za-z .&-]*[)）]$/.test(trimmed) &&
    trimmed.replace(/[^\u4e00-\u9fff]/g, "").length <= 12
  );
}
