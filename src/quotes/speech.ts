import { LiteralMatcher, SPEECH_VERBS } from "../text/names.js";

/**
 * Speech verbs and the words around them: what ends a speaker clause (`谢尔曼说`), what starts one
 * after a name (`（Jeremy Carey）表示`), what looks like a speech verb but is not (`据说`, `所谓`),
 * and the modifiers between a speaker and the verb (`在记者会上`, `周一`).
 */

/** A verb that ends a speaker clause: `谢尔曼说`, `她补充说`, `赵立坚在记者会上表示`. */
export const VERB_AT_END = new RegExp(
  `(?:${SPEECH_VERBS.join("|")}|告诉[^，。：；“”「」]{1,30}|问[^，。：；“”「」]{1,10}|对[^，。：；“”「」]{1,20}(?:说|表示)|的(?:见解|看法|说法|原话|回答|回应|名言|话|结论)(?:是|为|如下)?)$`,
);
/** A speaker clause going on after a name: `（Jeremy Carey）表示`, `在声明中说`. */
export const VERB_AT_START = new RegExp(
  `^(?:[^，。：；“”「」]{0,10}?)(?:${SPEECH_VERBS.filter((verb) => verb.length > 1 || verb === "说" || verb === "称").join("|")})`,
);

/** Speech verbs anywhere (for partial quotes and reported speech); 问/答 alone are too ambiguous. */
export const VERB_MATCHER = new LiteralMatcher(
  SPEECH_VERBS.filter((verb) => verb !== "问" && verb !== "答"),
);

export interface VerbMatch {
  index: number;
  length: number;
}

/** The speech verbs of a paragraph, `告诉记者，` counting as one verb up to its punctuation. */
export function findVerbs(text: string): VerbMatch[] {
  const verbs: VerbMatch[] = [];
  for (const { index, word } of VERB_MATCHER.matchAll(text)) {
    if (word === "告诉") {
      const tail = /^[^，。：；“”「」]{1,30}(?=[，：,:])/.exec(text.slice(index + 2, index + 34));
      if (tail) {
        verbs.push({ index, length: 2 + tail[0].length });
        continue;
      }
    }
    verbs.push({ index, length: word.length });
  }
  return verbs;
}

/** Words ending in a speech-verb character that are not speech by a person. */
export const NOT_SPEECH_ENDINGS =
  /(?:来说|据说|听说|小说|传说|虽说|再说|就是说|也就是说|换句话说|比如说|譬如说|总的来说|一般来说|可以说|不用说|俗话说|简单地说|老实说|坦白说|说实话|所谓|简称|俗称|人称|自称|昵称|名称|号称|堪称|通称|统称|又称|或称|亦称|并称|合称|称为|称作|称之为|宣传称|报导称|报道称|消息称|报告称|文件称|公告称|通报称|声明称|媒体称|官媒称|数据显示|报告显示)$/;

/** Prefixes of a speaker clause that do not name anyone (但, 据, 对此, 随后). */
export const LEADING_CONNECTIVES =
  /^(?:但是|但|而且|而|不过|然而|另外|此外|同时|随后|其中|对此|对于此|另据|据|因此|所以|因为|由于|如果|虽然|尽管|并且|并|至于|当时|事后|后来|接着|然后|最后|最终|此前|早前|另一方面|与此同时|值得一提的是|他指出|她指出|，|、|\s)+/;

/** Time words, adverbs and prepositional phrases between a speaker and the speech verb. */
export const TRAILING_MODIFIERS = [
  /(?:就此|对此|为此|还是|还|也|又|则|更|再|就|便|都|亦|却|曾经|曾|已经|已|随后|随即|接着|进一步|同时|当时|当天|当日|今天|昨天|今日|昨日|日前|近日|早前|此前|稍早|稍后|最近|不久前|上周|本周|今年|去年|公开|直接|明确|坦率地|坦白地|郑重|亲自|私下|再次|多次|一再|反复|首次|立即|马上|甚至|同样|对此|笑着|无奈地|激动地|坦然|冷静地|不断|一直|则是|也曾|还曾|特别|尤其|坚决|坚定|强烈|严厉|公开地|再度|也再次|还特别|并)$/,
  // Adverbials in -地: `温柔地`, `消沉地`, `毫不客气地`.
  /[\u4e00-\u9fff]{1,5}地$/,
  /(?:周|星期|礼拜)[一二三四五六日天末](?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})(?:日|号)(?:早上|上午|中午|下午|晚上|晚间|早间|晚|早)?$/,
  /(?:[0-9]{1,2}月)?[0-9]{1,2}日$/,
  /(?:(?:[0-9]{2,4}|去|今|前)年)?[0-9一二三四五六七八九十]{1,2}月份?(?:初|中|底|上旬|中旬|下旬|末)?$/,
  /(?:[0-9]{2,4}|去|今|前)年(?:初|中|底|末)?$/,
  // The last 在/于 phrase (`在香港长大的…莫炽韬（Max Mok）在递出T恤时` keeps the name).
  /(?:在|于)(?:接受)?[^，。；：在于]{1,30}$/,
  /(?:接受|受)[^，。；：]{0,24}(?:采访|访问|专访|访)时?$/,
  /受访时?$/,
  /(?:在|于|对|向|跟|给|同|从)$/,
  /(?:在)?(?:推特|脸书|微博|微信|网上|网络上|社交媒体|社群媒体|博客|节目|视频|直播|电视|电台|广播)(?:上|中|里)?$/,
  /(?:对|向|跟|给|同|通过|透过|借|藉由)[^，。；：对向跟给同]{1,24}$/,
  // `作出结论`, `热情赞扬那些…`: a verb phrase between the subject and the speech verb, tried last.
  /（[^）]*）$/,
  /\([^)]*\)$/,
  // A speech act before the verb: `也发推文讽刺说`, `在推特发文说`, `撰文指出`.
  new RegExp(
    `(?:发推文?|发推特|发文|撰文|发帖|贴文|发表声明|发表谈话|发表讲话|发表演讲|发声明|发声|写信|致信|致函|留言|表态|发言|演讲|讲话|致辞|受访|${SPEECH_VERBS.join("|")})$`,
  ),
];

/** Quoted terms rather than words someone said: 所谓的“清零”政策, “一带一路”倡议, “A”、“B”. */
export function looksLikeTerm(text: string, open: number, close: number, inner: string): boolean {
  const before = text.slice(Math.max(0, open - 6), open);
  const after = close >= 0 ? text.slice(close + 1, close + 6) : "";
  if (
    /(?:所谓的?|名为|叫做|叫作|称为|称作|称之为|称其为|被称为|被称作|被誉为|誉为|号称|题为|冠以|打上|贴上|自称|简称|俗称|昵称|代号|口号|标语|字样|一词|之称|成为|列为|定性为|视为|以)$/.test(
      before,
    )
  )
    return true;
  const short = inner.replace(/[^\u4e00-\u9fff]/g, "").length <= 8;
  if (
    short &&
    /^(?:[、等]|一词|一语|这个词|这一词|二字|两字|三字|四字|字样|口号|标语|政策|计划|倡议|运动|行动|工程|法案|条例|协议|项目|模式|战略|理论|思想|体系|机制|标签|称号|之称|节目|专栏|栏目|系列|号|活动|事件|平台|组织|联盟|小组|会议|论坛|报告|群|账号|网站|公司|集团|风波|概念|说法|论|主义|精神|原则|理念|目标|措施|制度|文化|现象|时代|方针|路线|要求|承诺|问题|案|罪|奖|杯|团|队|版|书|文|剧|片|歌|曲|舰|号)/.test(
      after,
    )
  )
    return true;
  const han = inner.replace(/[^\u4e00-\u9fff]/g, "").length;
  if (han <= 2) return true;
  if (han <= 6 && after.startsWith("的")) return true;
  return false;
}

/** `《…》` titles and bare names are never quotes. */
export function looksLikeTitle(inner: string): boolean {
  return /^《[^》]*》$/.test(inner.trim());
}
