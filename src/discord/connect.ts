import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logger.js";

/**
 * Reaching Discord on a flaky link: a network failure (no DNS, refused, reset, timed out) or a
 * Discord outage (5xx) is reported in words and retried with capped, jittered exponential
 * backoff; anything else (a rejected token, a bad request) is thrown at once.
 */

export interface Backoff {
  /** The first wait's ceiling (default 1 s); each failure doubles it. */
  baseMs?: number;
  /** The largest wait (default 60 s). */
  capMs?: number;
  random?: () => number;
}

/**
 * The wait before retry number `attempt` (0 for the first): between half and all of
 * min(cap, base·2^attempt), so that many bots cut off together do not come back in step, and
 * none hammers Discord the moment it returns.
 */
export function backoffDelay(attempt: number, backoff: Backoff = {}): number {
  const { baseMs = 1_000, capMs = 60_000, random = Math.random } = backoff;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/** Why Discord could not be reached, or undefined when the failure is of another kind. */
export function unreachableReason(error: unknown): string | undefined {
  for (let at = error, depth = 0; at && typeof at === "object" && depth < 5; depth++) {
    const { code, status, name, message } = at as {
      code?: unknown;
      status?: unknown;
      name?: unknown;
      message?: unknown;
    };
    if (typeof code === "string" && NETWORK_CODES.has(code)) {
      return typeof message === "string" && message ? message : code;
    }
    if (typeof status === "number" && status >= 500) return `Discord answered HTTP ${status}`;
    // discord.js's REST aborts a request that takes too long.
    if (name === "AbortError" || name === "TimeoutError") return "the request timed out";
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ReachOptions {
  logger: Logger;
  /** Where Discord is expected (for the message). */
  host: string;
  /** Aborting stops the retries: the pending wait ends and the last error is thrown. */
  signal?: AbortSignal;
  backoff?: Backoff;
}

/** Runs `attempt` until it succeeds or fails for a reason other than an unreachable Discord. */
export async function untilReachable<T>(
  what: string,
  attempt: () => Promise<T>,
  options: ReachOptions,
): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      const result = await attempt();
      if (failures > 0) options.logger.info(`Discord reached again: ${what} succeeded`);
      return result;
    } catch (error) {
      const reason = unreachableReason(error);
      if (!reason || options.signal?.aborted) throw error;
      const wait = backoffDelay(failures, options.backoff);
      options.logger.warn(
        `Discord cannot be reached at ${options.host} (${reason}): check the network connection. ` +
          `Trying to ${what} again in ${(wait / 1000).toFixed(1)} s (attempt ${failures + 2}).`,
      );
      try {
        await sleep(wait, undefined, { signal: options.signal });
      } catch {
        throw error;
      }
    }
  }
}

/** The host in DISCORD_API_BASE, or Discord's own. */
export function discordHost(apiBase: string | undefined): string {
  if (!apiBase) return "discord.com";
  try {
    return new URL(apiBase).host;
  } catch {
    return apiBase;
  }
}
