// The people and workspaces the end-to-end suite starts with. e2e/support/serve.ts
// creates them (with a signed-in session each) before the server starts; specs sign
// in as them through storage states, without clicking through the login form.
export const E2E_PORT = Number(process.env.E2E_PORT || 3107);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_OUTBOX_DIR = `${E2E_DATA_DIR}/outbox`;
export const E2E_AUTH_SECRET = "e2e-only-secret-do-not-use-in-production-0123456789";
export const E2E_PASSWORD = "E2e-password-1";

/**
 * `unverified`: signed up without ever opening a link sent to the address. `supportStaff`:
 * granted by the same logic as `npm run support-staff -- grant` (lib/support/staff.ts).
 */
/** `totpSecret`: two-factor authentication on, with this base32 secret (a spec plays the authenticator app with it). */
export type Person = { key: string; firstName: string; lastName: string; email: string; unverified?: true; supportStaff?: true; totpSecret?: string };
type SeedRole = "owner" | "admin" | "write" | "read" | "billing";
export type SeedWorkspace = {
  name: string;
  slug: string;
  plan?: "free" | "starter" | "growth" | "business" | "enterprise";
  members: { person: string; role: SeedRole }[];
  /** Extra generated members (no session), e.g. for paging through a long list. */
  crowd?: { count: number; emailPrefix: string; roles: SeedRole[] };
  /** Agents and personas, created by the first member; `restricted`: open only to their groups. */
  agents?: { name: string; restricted?: true }[];
  personas?: { name: string; restricted?: true }[];
};

export const PEOPLE: Person[] = [
  { key: "owner", firstName: "Olga", lastName: "Owner", email: "owner@e2e.test" },
  { key: "admin", firstName: "Arno", lastName: "Admin", email: "admin@e2e.test" },
  { key: "write", firstName: "Wim", lastName: "Writer", email: "write@e2e.test" },
  { key: "read", firstName: "Rita", lastName: "Reader", email: "read@e2e.test" },
  { key: "billing", firstName: "Bea", lastName: "Billing", email: "billing@e2e.test" },
  { key: "outsider", firstName: "Otto", lastName: "Outsider", email: "outsider@e2e.test" },
  { key: "signin", firstName: "Sina", lastName: "Signin", email: "signin@e2e.test" },
  { key: "throttled", firstName: "Theo", lastName: "Throttled", email: "throttled@e2e.test" },
  // Team members (issue 3)
  { key: "lab-owner", firstName: "Laura", lastName: "Labowner", email: "lab-owner@e2e.test" },
  { key: "lab-admin", firstName: "Lars", lastName: "Labadmin", email: "lab-admin@e2e.test" },
  { key: "lab-admin2", firstName: "Demi", lastName: "Demoted", email: "lab-admin2@e2e.test" },
  { key: "lab-read", firstName: "Remy", lastName: "Readonly", email: "lab-read@e2e.test" },
  { key: "carla", firstName: "Carla", lastName: "Change", email: "carla@e2e.test" },
  { key: "rory", firstName: "Rory", lastName: "Remove", email: "rory@e2e.test" },
  { key: "lena", firstName: "Lena", lastName: "Leaver", email: "lena@e2e.test" },
  { key: "crowd-owner", firstName: "Cora", lastName: "Crowdowner", email: "crowd-owner@e2e.test" },
  { key: "handover-owner", firstName: "Hanna", lastName: "Handover", email: "handover-owner@e2e.test" },
  { key: "heir", firstName: "Henry", lastName: "Heir", email: "heir@e2e.test" },
  // Invitations (issue 4)
  { key: "inv-owner", firstName: "Ivy", lastName: "Inviter", email: "inv-owner@e2e.test" },
  { key: "inv-admin", firstName: "Ian", lastName: "Invadmin", email: "inv-admin@e2e.test" },
  { key: "inv-write", firstName: "Wendy", lastName: "Invwriter", email: "inv-write@e2e.test" },
  { key: "erin", firstName: "Erin", lastName: "Existing", email: "erin@e2e.test" },
  { key: "walt", firstName: "Walt", lastName: "Wrongaccount", email: "walt@e2e.test" },
  { key: "solo-owner", firstName: "Sol", lastName: "Solo", email: "solo-owner@e2e.test" },
  { key: "vera", firstName: "Vera", lastName: "Verified", email: "vera@e2e.test" },
  { key: "uma", firstName: "Uma", lastName: "Unverified", email: "uma@e2e.test", unverified: true },
  // Billing (a workspace of its own, so plan changes affect no other spec)
  { key: "ledger-owner", firstName: "Lea", lastName: "Ledger", email: "ledger-owner@e2e.test" },
  { key: "ledger-admin", firstName: "Adam", lastName: "Audit", email: "ledger-admin@e2e.test" },
  { key: "ledger-write", firstName: "Will", lastName: "Wright", email: "ledger-write@e2e.test" },
  // Accessibility (scans every page and popup; the keyboard journeys invite and change roles)
  { key: "a11y-owner", firstName: "Alma", lastName: "Access", email: "a11y-owner@e2e.test" },
  { key: "a11y-read", firstName: "Sami", lastName: "Screenreader", email: "a11y-read@e2e.test" },
  { key: "a11y-write", firstName: "Kim", lastName: "Keyboard", email: "a11y-write@e2e.test" },
  { key: "a11y-guest", firstName: "Gus", lastName: "Guest", email: "a11y-guest@e2e.test" },
  { key: "a11y-gone", firstName: "Ross", lastName: "Removed", email: "a11y-gone@e2e.test" },
  // Your account (/account): each journey changes its person's password or sessions
  { key: "acct-pass", firstName: "Pia", lastName: "Password", email: "acct-pass@e2e.test" },
  { key: "acct-sessions", firstName: "Sid", lastName: "Sessions", email: "acct-sessions@e2e.test" },
  { key: "acct-keys", firstName: "Kira", lastName: "Keys", email: "acct-keys@e2e.test" },
  { key: "a11y-account", firstName: "Ada", lastName: "Tabber", email: "a11y-account@e2e.test" },
  { key: "a11y-unverified", firstName: "Una", lastName: "Unconfirmed", email: "a11y-unverified@e2e.test", unverified: true },
  // Addresses and passwords (issue 9 §3): forgot password ends every session of this person.
  { key: "rhea", firstName: "Rhea", lastName: "Reset", email: "rhea@e2e.test" },
  // The Team API (issue 14): a key made in the browser, then used with curl-like requests.
  { key: "api-admin", firstName: "Api", lastName: "Admin", email: "api-admin@e2e.test" },
  { key: "api-read", firstName: "Rene", lastName: "Scripted", email: "api-read@e2e.test" },
  // Groups, agents and personas (issue 10)
  { key: "grp-owner", firstName: "Greta", lastName: "Groupowner", email: "grp-owner@e2e.test" },
  { key: "grp-admin", firstName: "Gil", lastName: "Groupadmin", email: "grp-admin@e2e.test" },
  { key: "grp-write", firstName: "Winona", lastName: "Groupwriter", email: "grp-write@e2e.test" },
  { key: "grp-read", firstName: "Reza", lastName: "Groupreader", email: "grp-read@e2e.test" },
  { key: "grp-billing", firstName: "Bo", lastName: "Groupbilling", email: "grp-billing@e2e.test" },
  // Support staff (a member of no workspace) and the workspace they look at.
  { key: "support", firstName: "Sam", lastName: "Support", email: "support@e2e.test", supportStaff: true },
  { key: "sup-owner", firstName: "Suki", lastName: "Supported", email: "sup-owner@e2e.test" },
  { key: "sup-read", firstName: "Reed", lastName: "Supported", email: "sup-read@e2e.test" },
  // Two-factor authentication (issue 12): Fay sets it up herself; Factor Lab's owner has it and requires it of Milo.
  { key: "tfa-self", firstName: "Fay", lastName: "Factor", email: "tfa-self@e2e.test" },
  { key: "tfa-owner", firstName: "Tess", lastName: "Totp", email: "tfa-owner@e2e.test", totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" },
  { key: "tfa-member", firstName: "Milo", lastName: "Member", email: "tfa-member@e2e.test" },
  { key: "tfa-reset", firstName: "Rosa", lastName: "Resetter", email: "tfa-reset@e2e.test", totpSecret: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU" },
  { key: "tfa-joiner", firstName: "Jo", lastName: "Joiner", email: "tfa-joiner@e2e.test", totpSecret: "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U" },
];

export const WORKSPACES: SeedWorkspace[] = [
  {
    name: "Acme E2E",
    slug: "acme-e2e",
    members: [
      { person: "owner", role: "owner" },
      { person: "admin", role: "admin" },
      { person: "write", role: "write" },
      { person: "read", role: "read" },
      { person: "billing", role: "billing" },
    ],
  },
  { name: "Second Shop", slug: "second-shop", members: [{ person: "admin", role: "owner" }, { person: "read", role: "write" }] },
  { name: "Outsider Co", slug: "outsider-co", members: [{ person: "outsider", role: "owner" }] },
  { name: "Signin Space", slug: "signin-space", members: [{ person: "signin", role: "owner" }, { person: "throttled", role: "owner" }] },
  {
    name: "Members Lab",
    slug: "members-lab",
    members: [
      { person: "lab-owner", role: "owner" },
      { person: "lab-admin", role: "admin" },
      { person: "lab-admin2", role: "admin" },
      { person: "lab-read", role: "read" },
      { person: "carla", role: "write" },
      { person: "rory", role: "read" },
      { person: "lena", role: "read" },
    ],
  },
  {
    name: "Crowd Co",
    slug: "crowd-co",
    members: [{ person: "crowd-owner", role: "owner" }],
    crowd: { count: 60, emailPrefix: "crowd", roles: ["write", "read", "read", "billing", "admin"] },
  },
  { name: "Handover Inc", slug: "handover-inc", members: [{ person: "handover-owner", role: "owner" }, { person: "heir", role: "write" }] },
  {
    name: "Invite Lab",
    slug: "invite-lab",
    members: [
      { person: "inv-owner", role: "owner" },
      { person: "inv-admin", role: "admin" },
      { person: "inv-write", role: "write" },
    ],
  },
  { name: "Walt Works", slug: "walt-works", members: [{ person: "walt", role: "owner" }, { person: "erin", role: "read" }, { person: "vera", role: "write" }, { person: "uma", role: "read" }] },
  { name: "Solo Studio", slug: "solo-studio", plan: "starter", members: [{ person: "solo-owner", role: "owner" }] },
  {
    name: "Ledger Lab",
    slug: "ledger-lab",
    plan: "business",
    members: [
      { person: "ledger-owner", role: "owner" },
      { person: "ledger-admin", role: "admin" },
      { person: "ledger-write", role: "write" },
    ],
  },
  {
    name: "Access Lab",
    slug: "access-lab",
    members: [
      { person: "a11y-owner", role: "owner" },
      { person: "a11y-read", role: "read" },
      { person: "a11y-write", role: "write" },
      { person: "a11y-gone", role: "read" },
    ],
  },
  {
    name: "Groups Lab",
    slug: "groups-lab",
    members: [
      { person: "grp-owner", role: "owner" },
      { person: "grp-admin", role: "admin" },
      { person: "grp-write", role: "write" },
      { person: "grp-read", role: "read" },
      { person: "grp-billing", role: "billing" },
    ],
    agents: [{ name: "Open helper" }, { name: "Secret triage", restricted: true }, { name: "Keyboard agent" }, { name: "Survivor bot" }],
    personas: [{ name: "Friendly voice" }, { name: "Keyboard persona", restricted: true }],
  },
  {
    name: "Factor Lab",
    slug: "factor-lab",
    members: [
      { person: "tfa-owner", role: "owner" },
      { person: "tfa-member", role: "write" },
    ],
  },
  // Milo's own: a workspace that does not require 2FA stays open to him throughout.
  { name: "Milo Place", slug: "milo-place", members: [{ person: "tfa-member", role: "owner" }] },
  {
    name: "API Lab",
    slug: "api-lab",
    members: [
      { person: "api-admin", role: "owner" },
      { person: "api-read", role: "read" },
    ],
  },
  {
    name: "Support Lab",
    slug: "support-lab",
    members: [
      { person: "sup-owner", role: "owner" },
      { person: "sup-read", role: "read" },
    ],
  },
];

export const storageStatePath = (person: string) => `e2e/.auth/${person}.json`;
