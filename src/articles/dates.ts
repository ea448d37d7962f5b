/** Article dates: the dateline, the date in the link, and which of them the article is filed under. */

export const DATELINE =
  /^【([^】\d]{0,12}?)(\d{4})\s*年\s*(\d\s?\d?)\s*月\s*(\d\s?\d?)\s*日\s*[讯訊电電]?】/;

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `/gb/22/1/10/n13495457.htm` → 2022-01-10; also `/2022/01/10/` paths. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const epoch = /\/(?:gb|b5)\/(\d{1,2})\/(\d{1,2})\/(\d{1,2})\//.exec(url);
  if (epoch) return isoDate(2000 + Number(epoch[1]), Number(epoch[2]), Number(epoch[3]));
  const generic = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})\//.exec(url);
  if (generic) return isoDate(Number(generic[1]), Number(generic[2]), Number(generic[3]));
  return null;
}

/**
 * Days a dateline may lie from its link's date: the dateline is the newsroom's local date, often
 * a day after the link's (US) date. Further apart, the dateline is an update or a typo
 * (`2022年02月23日` on an article filed under 22/1/23), and the link's date is the one the
 * article was filed under.
 */
const DATELINE_DRIFT_DAYS = 3;

/** The article's date: the dateline's, unless it lies more than a few days from the link's. */
export function articleDate(dateline: string | null, linkDate: string | null): string | null {
  if (!dateline || !linkDate) return dateline ?? linkDate;
  const days = Math.abs(Date.parse(dateline) - Date.parse(linkDate)) / 86_400_000;
  return days <= DATELINE_DRIFT_DAYS ? dateline : linkDate;
}
