/** Why a file is not an article; the message is short and safe to log or show. */
export class ArticleParseError extends Error {
  override readonly name = "ArticleParseError";
}
