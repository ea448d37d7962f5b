/** Character classes of Chinese news text, on UTF-16 code units. */

/** CJK unified ideographs (basic and extension A), compatibility ideographs, and 〇. */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007
  );
}

export function isHan(char: string): boolean {
  return char.length > 0 && isHanCode(char.charCodeAt(0));
}

/** How many characters of the text are Han ideographs. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}
