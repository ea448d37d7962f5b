/**
 * An error whose message is safe to show to a member as it is: bad command arguments,
 * unknown article ids, empty queries. Anything else is a bug, logged with its stack and
 * answered with a generic message.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  /** Extra lines a member may find useful, such as suggestions. */
  readonly hints: string[];
  constructor(message: string, hints: string[] = []) {
    super(message);
    this.hints = hints;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
