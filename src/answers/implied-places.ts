import type { Article } from "../articles/article.js";
import { foldText, segmenter } from "../text/text.js";
import { RECENT_ARTICLES, RecentMap } from "./recent.js";

/**
 * A place an article implies without writing it: a Taiwanese ministry's report (劳动部, 卫福部)
 * never writes 台湾, yet it answers a question about Taiwan. Read from the archive's own
 * co-occurrence, not from lists: the place is implied when the archive's articles that name one
 * of the institutions of the article's title and lead mostly name the place too, and no place of
 * the title and lead lies outside it (a place the archive names mostly without the asked one,
 * such as 北京 for 台湾).
 */

/** How the archive counts articles: one word, or several (space-separated, all of them). */
export interface CoOccurrence {
  documentFrequency(words: string): number;
  /** How many articles there are. */
  documents: number;
}

/** Articles naming the institution that also name the place, at least. */
const IMPLIED_SHARE = 0.6;
/** Articles naming a place of the lead that also name the asked place, at least. */
const INSIDE_SHARE = 0.5;
/** …and that share at least this many times the place's share of all articles (外交部: every country's). */
const MIN_LIFT = 1.8;
/** An institution named this rarely says nothing about where it is. */
const MIN_INSTITUTION_DF = 5;

const INSTITUTION = /^[\u4e00-\u9fff]{3,8}$/;
const INSTITUTION_END = /[部局署委院厅会处]$/;

interface Lead {
  institutions: string[];
  places: string[];
}

const leadCache = new RecentMap<Article, Lead>(RECENT_ARTICLES);

/** The institutions (jieba's nt, or a noun ending in 部, 局, 署…) and places (ns) of the title and lead. */
export function leadNames(article: Article): Lead {
  let lead = leadCache.get(article);
  if (!lead) {
    const text = foldText(`${article.title}。${article.paragraphs[0] ?? ""}`);
    const institutions = new Set<string>();
    const places = new Set<string>();
    for (const { word, tag } of segmenter().tag(text, true)) {
      if (tag === "ns" && word.length >= 2) places.add(word);
      else if (
        INSTITUTION.test(word) &&
        (tag === "nt" || (/^(n|x)/.test(tag) && INSTITUTION_END.test(word)))
      )
        institutions.add(word);
    }
    lead = { institutions: [...institutions], places: [...places] };
    leadCache.set(article, lead);
  }
  return lead;
}

/** Per archive (its counts) and article: whether a place is implied. */
const impliedCache = new WeakMap<CoOccurrence, RecentMap<Article, Map<string, boolean>>>();

/** Whether the article implies the place (folded) by the institutions its title and lead name. */
export function impliesPlace(article: Article, place: string, archive: CoOccurrence): boolean {
  let byArticle = impliedCache.get(archive);
  if (!byArticle) {
    byArticle = new RecentMap(RECENT_ARTICLES);
    impliedCache.set(archive, byArticle);
  }
  let known = byArticle.get(article);
  if (!known) {
    known = new Map();
    byArticle.set(article, known);
  }
  let implied = known.get(place);
  if (implied === undefined) {
    implied = judge(leadNames(article), place, archive);
    known.set(place, implied);
  }
  return implied;
}

function share(archive: CoOccurrence, place: string, word: string): number {
  const alone = archive.documentFrequency(word);
  return alone === 0 ? 0 : archive.documentFrequency(`${place} ${word}`) / alone;
}

function judge(lead: Lead, place: string, archive: CoOccurrence): boolean {
  const outside = lead.places.some(
    (other) =>
      other !== place && !other.includes(place) && share(archive, place, other) < INSIDE_SHARE,
  );
  if (outside) return false;
  const base = archive.documentFrequency(place) / Math.max(1, archive.documents);
  return lead.institutions.some((word) => {
    if (archive.documentFrequency(word) < MIN_INSTITUTION_DF) return false;
    const part = share(archive, place, word);
    return part >= IMPLIED_SHARE && part >= MIN_LIFT * base;
  });
}
