// The benchmark's world: one workspace of 10,000 members among 50 small ones, with varied
// names, roles and dates, written with createMany in batches (one password hash for all).
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import type { Role } from "../../lib/authz/permissions";
import { hashPassword } from "../../lib/auth/passwords";

const FIRST = ["Ada", "Adam", "Aisha", "Alan", "Alice", "Amir", "Ana", "Andrea", "Ann", "Anna", "Ben", "Brian", "Carla", "Chen", "Chloe", "Daniel", "David", "Diego", "Elena", "Emma", "Eva", "Farah", "Felix", "Grace", "Hannah", "Hugo", "Ines", "Ivan", "Jack", "James", "Jana", "Joanne", "Jonas", "Julia", "Karim", "Kenji", "Laura", "Leo", "Lina", "Lucas", "Maria", "Mark", "Mei", "Mia", "Nadia", "Noah", "Olivia", "Omar", "Pablo", "Priya", "Rosa", "Sam", "Sara", "Sofia", "Tom", "Vera", "Wei", "Yara", "Yusuf", "Zoe"];
// Three of the hundred contain "smith", so a search for it finds about 3% of a team.
const LAST = ["Smith", "Goldsmith", "Smithers", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Kowalski", "Nowak", "Wiśniewski", "Novák", "Svoboda", "Jensen", "Nielsen", "Hansen", "Andersson", "Johansson", "Larsen", "Kim", "Park", "Choi", "Tanaka", "Suzuki", "Sato", "Wang", "Li", "Zhang", "Liu", "Chen", "Singh", "Kumar", "Patel", "Okafor"];

export const BENCH_MEMBERS = 10_000;
const OTHER_WORKSPACES = 50;
const OTHER_MEMBERS = 20;
const BATCH = 1_000;
const SEARCH = "smith";
/** A search that matches no one (a typo), which only an index answers without reading every member. */
const SEARCH_NOTHING = "xyzzy";
/** A single common letter, which matches nearly everyone: too short for a trigram. */
const SEARCH_LETTER = "a";
const FILTER_ROLE: Role = "write";

export type BenchWorld = {
  slug: string;
  viewerId: string;
  members: number;
  users: number;
  workspaces: number;
  /** What the search and role cases should find, so the benchmark can check each page. */
  search: { q: string; matches: number };
  searchNothing: { q: string; matches: number };
  searchLetter: { q: string; matches: number };
  role: { role: Role; matches: number };
  /** The email of the seeded member active most recently: second on "last active, newest first", after the viewer, whom the requests themselves stamp. */
  mostRecentlyActive: string;
};

type UserRow = { id: string; email: string; firstName: string; lastName: string; passwordHash: string; emailVerifiedAt: Date; createdAt: Date };
type MembershipRow = { workspaceId: string; userId: string; role: Role; createdAt: Date; lastActiveAt: Date | null };

/** A small deterministic generator (mulberry32), so every run seeds the same world. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function seedBenchWorld(db: Db): Promise<BenchWorld> {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const passwordHash = await hashPassword(randomUUID());
  const now = Date.now();
  const since = Date.UTC(2023, 0, 1);
  const users: UserRow[] = [];
  const memberships: MembershipRow[] = [];

  const person = (email: (first: string, last: string) => string): UserRow => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const createdAt = new Date(since + rand() * (now - since));
    const user = { id: randomUUID(), email: email(firstName, lastName).toLowerCase(), firstName, lastName, passwordHash, emailVerifiedAt: createdAt, createdAt };
    users.push(user);
    return user;
  };
  const join = (workspaceId: string, user: UserRow, role: Role) => {
    const createdAt = new Date(user.createdAt.getTime() + rand() * (now - user.createdAt.getTime()));
    const lastActiveAt = rand() < 0.1 ? null : new Date(createdAt.getTime() + rand() * (now - createdAt.getTime()));
    memberships.push({ workspaceId, userId: user.id, role, createdAt, lastActiveAt });
  };

  const big = await db.workspace.create({ data: { name: "Benchmark Corp", slug: "bench-corp" } });
  const viewer = await db.user.create({ data: { email: "owner@bench.test", firstName: "Bench", lastName: "Owner", passwordHash, emailVerifiedAt: new Date() } });
  await db.membership.create({ data: { workspaceId: big.id, userId: viewer.id, role: "owner", createdAt: new Date(since) } });
  const roleOf = (r: number): Role => (r < 0.02 ? "admin" : r < 0.03 ? "billing" : r < 0.48 ? "write" : "read");
  for (let i = 1; i < BENCH_MEMBERS; i++) join(big.id, person((f, l) => `${f}.${l}.${i}@example.com`), roleOf(rand()));

  const others = await Promise.all(
    Array.from({ length: OTHER_WORKSPACES }, (_, w) => db.workspace.create({ data: { name: `Neighbour ${w + 1}`, slug: `neighbour-${w + 1}` } })),
  );
  for (const [w, ws] of others.entries()) {
    for (let j = 0; j < OTHER_MEMBERS; j++) join(ws.id, person((f, l) => `${f}.${l}@n${w + 1}-${j}.test`), j === 0 ? "owner" : roleOf(rand()));
  }

  await inBatches(users, (data) => db.user.createMany({ data }));
  await inBatches(memberships, (data) => db.membership.createMany({ data }));

  const byId = new Map(users.map((u) => [u.id, u]));
  const inBig = memberships.filter((m) => m.workspaceId === big.id);
  // What the list's search does (lib/members/queries.ts): the term in the lower-cased "first last" or email; the viewer counts too.
  const found = (u: { firstName: string; lastName: string; email: string }, q: string) => `${u.firstName} ${u.lastName}`.toLowerCase().includes(q) || u.email.includes(q);
  const matchesOf = (q: string) => inBig.filter((m) => found(byId.get(m.userId)!, q)).length + (found(viewer, q) ? 1 : 0);
  const latest = inBig.filter((m) => m.lastActiveAt).sort((a, b) => b.lastActiveAt!.getTime() - a.lastActiveAt!.getTime())[0]!;
  return {
    slug: big.slug,
    viewerId: viewer.id,
    members: inBig.length + 1,
    users: users.length + 1,
    workspaces: others.length + 1,
    search: { q: SEARCH, matches: matchesOf(SEARCH) },
    searchNothing: { q: SEARCH_NOTHING, matches: matchesOf(SEARCH_NOTHING) },
    searchLetter: { q: SEARCH_LETTER, matches: matchesOf(SEARCH_LETTER) },
    role: { role: FILTER_ROLE, matches: inBig.filter((m) => m.role === FILTER_ROLE).length },
    mostRecentlyActive: byId.get(latest.userId)!.email,
  };
}
