import { describe } from "vitest";

export const onPostgres = !!process.env.TEST_DATABASE_URL;

const WHY = "runs on PostgreSQL only (TEST_DATABASE_URL): on PGlite every call queues on its one connection, so concurrent calls never overlap and a missing lock could not make it fail";

/**
 * A suite of concurrent calls: each test races two actions and asserts what each one
 * returned and what the database holds after. Skipped, saying why, on PGlite.
 */
export function describeRaces(name: string, fn: () => void) {
  if (!onPostgres) console.info(`Skipped "${name}": it ${WHY}.`);
  describe.skipIf(!onPostgres)(name, fn);
}

/** Rounds per race: the interleaving differs from one to the next, so a missing lock shows in at least one. */
export const ROUNDS = 5;

/** Which of two results succeeded, and the other; fails unless exactly one did. */
export function oneWinner<R extends { ok: boolean }>(results: [R, R]): { winner: 0 | 1; loser: 0 | 1 } {
  const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
  if (winners.length !== 1) throw new Error(`Expected exactly one call to succeed, got ${winners.length}: ${JSON.stringify(results)}`);
  const winner = winners[0] as 0 | 1;
  return { winner, loser: (1 - winner) as 0 | 1 };
}
