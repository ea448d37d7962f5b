import { format, type Locale, type Message, type MessageParams } from "./app/messages/index.js";

/**
 * An error a member should see: bad command arguments, unknown article ids, empty queries. It
 * carries a message code and parameters (`new UserError("search.tooManyTerms", { max: 12 })`);
 * each adapter puts it into the member's words with `describeError`. Anything else is a bug,
 * logged with its stack and answered with a generic message.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  readonly code: string;
  readonly params: MessageParams;
  /** Extra messages a member may find useful, such as suggestions. */
  readonly hints: readonly Message[];
  constructor(code: string, params: MessageParams = {}, hints: readonly Message[] = []) {
    // The Simplified Chinese text, for logs and stack traces.
    super(format("zh-CN", code, params));
    this.code = code;
    this.params = params;
    this.hints = hints;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * A UserError and its hints in a locale, one line each. `quoted` renders what the messages quote
 * (a query, a name, an id as the member typed it), for an adapter that must escape it.
 */
export function describeError(
  error: UserError,
  locale: Locale,
  quoted: (text: string) => string = (text) => text,
): string[] {
  const params = (given: MessageParams = {}): MessageParams =>
    Object.fromEntries(
      Object.entries(given).map(([name, value]) => [
        name,
        typeof value === "string"
          ? quoted(value)
          : Array.isArray(value)
            ? value.map(quoted)
            : value,
      ]),
    );
  return [error, ...error.hints].map((message) =>
    format(locale, message.code, params(message.params)),
  );
}
