// A stream of writes through Roster's real server actions — sign-ups, invitations and
// role changes, three clients at once — that records every write the server acknowledged
// (answered `ok: true`) and every write still in flight when the server died.
import { randomInt } from "node:crypto";
import { actionId, callAction } from "./actions";
import type { TrialWorld } from "./world";

export type Ledger = {
  signUps: string[];
  invitations: string[];
  /** Per membership id: the roles acknowledged, in order, and the one in flight, if any. */
  roles: Map<string, { acked: string[]; inFlight: string | null }>;
  acked: () => number;
};

const ROLE_CYCLE = ["write", "admin", "billing", "read"] as const;
// Sign-up's rules refuse guessable passwords; this one passes them.
const PASSWORD = "Quartz-Lantern-Orbit-4711";

export function streamWrites(base: string, world: TrialWorld, trial: string) {
  const ids = {
    signUp: actionId("lib/account/actions.ts", "signUp"),
    invite: actionId("lib/invitations/actions.ts", "sendInvitation"),
    role: actionId("lib/members/actions.ts", "changeMemberRole"),
  };
  const ledger: Ledger = {
    signUps: [],
    invitations: [],
    roles: new Map(world.memberIds.map((id) => [id, { acked: [], inFlight: null }])),
    acked: () => ledger.signUps.length + ledger.invitations.length + [...ledger.roles.values()].reduce((n, r) => n + r.acked.length, 0),
  };
  let running = true;
  const members = `/w/${world.slug}/members`;
  const owner = { cookie: world.ownerCookie };

  async function signUps() {
    for (let n = 0; running; n++) {
      const email = `su-${trial}-${n}@faults.test`;
      // Each from its own address (TRUST_PROXY_HOPS=1), as many people would: the per-IP
      // sign-up limit is not what is tested here.
      const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
      const out = await callAction(base, "/signup", ids.signUp, [{ firstName: "Sign", lastName: `Up ${n}`, email, password: PASSWORD }], { "x-forwarded-for": ip });
      if (out.answered && out.result.ok) ledger.signUps.push(email);
      else if (!out.answered) return;
    }
  }
  async function invitations() {
    for (let n = 0; running; n++) {
      const email = `inv-${trial}-${n}@faults.test`;
      const out = await callAction(base, members, ids.invite, [world.slug, { email, role: "write", groupIds: [] }], owner);
      if (out.answered && out.result.ok) ledger.invitations.push(email);
      else if (!out.answered) return;
    }
  }
  async function roleChanges() {
    // One change in flight per member, members in turn; at most 9 per workspace, under its
    // limit of 10 a minute.
    for (let n = 0; running && n < 9; n++) {
      const memberId = world.memberIds[n % world.memberIds.length]!;
      const entry = ledger.roles.get(memberId)!;
      const role = ROLE_CYCLE[entry.acked.length % ROLE_CYCLE.length]!;
      entry.inFlight = role;
      const out = await callAction(base, members, ids.role, [world.slug, { memberId, role }], owner);
      if (!out.answered) return;
      entry.inFlight = null;
      if (out.result.ok) entry.acked.push(role);
    }
  }

  const done = Promise.all([signUps(), invitations(), roleChanges()]);
  return {
    ledger,
    /** Stops starting new writes (those in flight end with the server). */
    stop: () => void (running = false),
    done,
  };
}
