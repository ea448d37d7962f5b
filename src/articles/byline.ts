import { alternation } from "../text/lexicon.js";
import { isPlaceName } from "../text/names.js";

/** Who wrote and who edited an article: the byline's reporters and the editor line. */

/** Verbs closing a byline: 综合报导, 编译, 采访报导, 撰文 ... */
const BYLINE_VERBS = new RegExp(`(?:${alternation("parse-byline-verbs")})+$`);
const BYLINE_HINT = new RegExp(`${alternation("parse-byline-hints")}|^[^，,。]{0,12}[讯訊电電]$`);
const ORGANISATION = new RegExp(`${alternation("parse-byline-organisations")}|[讯訊电電]$`);
const ROLE_PREFIX = new RegExp(`^.*(?:${alternation("parse-byline-roles")})`);
const OUTLET_PREFIX =
  /^(?:英文|香港|台湾|台灣|美国|美國|加拿大|澳洲)?(?:大纪元|大紀元|新唐人|希望之声|希望之聲)(?:专题部|專題部|专题组|專題組|专题|專題)?/;
const COUNTRY = new RegExp(alternation("parse-byline-countries"));
/** A town named like one: `…州`, `…县`, `…市`, `…镇` (马库斯胡克镇). */
const PLACE_LIKE = /^[\u4e00-\u9fff]{1,5}[州县縣市镇鎮]$/;

/** Is the text one or more known places in a row (`宾州海里斯堡`, `华盛顿DC`)? */
function isPlaces(text: string): boolean {
  for (let end = text.length; end > 0; end--) {
    if (isPlaceName(text.slice(0, end)) && (end === text.length || isPlaces(text.slice(end))))
      return true;
  }
  return false;
}

/**
 * `李晓苏宾州` → 李晓苏: cuts at a country, else at the first suffix made of known places,
 * leaving at least 2 characters; the list of places is open, so an unknown town stays.
 */
function withoutPlace(name: string): string {
  const country = name.search(COUNTRY);
  if (country >= 2) return name.slice(0, country);
  for (let i = 2; i < name.length; i++) if (isPlaces(name.slice(i))) return name.slice(0, i);
  // An unknown place named like one: keep a 3-character name if there is room, else 2.
  const cut = name.length >= 6 ? 3 : 2;
  return PLACE_LIKE.test(name.slice(cut)) ? name.slice(0, cut) : name;
}

const HAN_START = /^[\u4e00-\u9fff]{2}/;

/** Is this parenthetical (right after the dateline) a byline? */
export function isByline(inner: string): boolean {
  return inner.length <= 80 && BYLINE_HINT.test(inner);
}

/**
 * The reporters named in a byline: `大纪元记者李馨编译报导` → [李馨],
 * `大纪元记者吴旻洲、李怡欣台湾台北报导` → [吴旻洲, 李怡欣],
 * `英文大纪元记者Eva Fu报导／陈霆编译` → [Eva Fu] (translators are not reporters).
 * Stations and news desks (`大纪元香港记者站`) name no reporter.
 */
export function bylineReporters(inner: string): string[] {
  const first = (inner.split(/[／/，,；;]/)[0] ?? "").trim();
  const reporters: string[] = [];
  for (let segment of first
    .replace(BYLINE_VERBS, "")
    .split(/、|(?<=[A-Za-z.])\s*(?:和|与|與|及|and)\s*(?=[A-Z])/)) {
    segment = segment.trim();
    if (!segment || ORGANISATION.test(segment)) continue;
    const withoutRole = segment.replace(ROLE_PREFIX, "");
    if (withoutRole !== segment) segment = withoutRole.trim();
    else {
      const withoutOutlet = segment.replace(OUTLET_PREFIX, "").trim();
      // `大纪元记叶依帆`: a byline with 者 missing.
      segment =
        withoutOutlet !== segment && /^记[\u4e00-\u9fff]{2}/.test(withoutOutlet)
          ? withoutOutlet.slice(1)
          : withoutOutlet;
    }
    segment = segment.replace(BYLINE_VERBS, "").trim();
    if (HAN_START.test(segment) && segment.length >= 4) segment = withoutPlace(segment);
    // A Latin name followed by a place: `Joseph M. Hanneman美国`.
    else if (/^[A-Za-z]/.test(segment)) segment = segment.replace(/[\u4e00-\u9fff].*$/, "").trim();
    if (segment.length >= 2 && !ORGANISATION.test(segment) && !reporters.includes(segment)) {
      reporters.push(segment);
    }
  }
  return reporters;
}

/** The editor line: short, at the end of its paragraph (a sentence that mentions one is not it). */
export const EDITOR =
  /^[（(]?\s*(?:责任编辑|責任編輯)\s*[:：；;]?\s*([^）)]{0,30}?)\s*[#＃]*\s*[）)]?\s*[#＃]*$/;
export const EDITOR_INLINE = /[（(]?\s*(?:责任编辑|責任編輯)\s*[:：；;]/;

/** `叶紫微#` → 叶紫微, `林燕/叶紫微` → 林燕、叶紫微; stray marks after a Chinese name go. */
export function editorName(raw: string): string | null {
  const text = raw.replace(/^(?:责任编辑|責任編輯)\s*[:：]\s*/, "").trim();
  const han =
    /^[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,4}(?:\s*[、/／,，]\s*[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,4})*/.exec(
      text,
    );
  const name = han
    ? han[0].replace(/\s*[/／,，]\s*/g, "、").replace(/[·‧]+(?=、|$)/g, "")
    : text.replace(/[\s#＃◇◆。.]+$/, "");
  return name || null;
}
