/** Levenshtein distance over UTF-16 units, giving up (returning limit + 1) once it exceeds the limit. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * How far apart two folded names (or command names) are: edit distance over the longer length
 * (0 = same), with containment (谢尔曼 in 温迪·谢尔曼) counted as close.
 */
export function nameDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a))) {
    return 0.25 * (1 - Math.min(a.length, b.length) / Math.max(a.length, b.length)) + 0.1;
  }
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) / longer > 0.5) return 1;
  return editDistance(a, b) / longer;
}
