import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { verifyPassword } from "@/lib/auth/passwords";
import { actAs } from "../support/request";
import { createUser } from "../support/factories";
import { isolateOutbox } from "../support/invitations";

isolateOutbox();

const valid = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.test", password: "Analytical1" };

describe("sign-up", () => {
  it("creates the account, its own workspace with the user as owner, and audit events", async () => {
    actAs(null, "198.51.100.1");
    const result = await signUp({ ...valid, email: "  New.Person@Example.TEST " });
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.person@example.test" }, include: { memberships: { include: { workspace: true } } } });
    expect(await verifyPassword(user.passwordHash, valid.password)).toBe(true);
    expect(user.passwordHash).not.toContain(valid.password);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]!.role).toBe("owner");
    expect(result.ok && result.data.redirectTo).toBe(`/w/${user.memberships[0]!.workspace.slug}`);
    const actions = (await prisma.auditEvent.findMany({ where: { actorId: user.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["auth.signed_up", "auth.verification_sent", "workspace.created"]);
    expect(user.emailVerifiedAt).toBeNull();
  });

  it.each(["Password1234", "Qwerty123456", "AdaLovelace1"])("refuses the guessable %s with the checker's suggestion on the password field, creating nothing", async (password) => {
    actAs(null, "198.51.100.5");
    const before = await prisma.user.count();
    const result = await signUp({ ...valid, email: `guessable-${password.toLowerCase()}@example.test`, password });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors?.password?.[0]).toMatch(/^This password is too easy to guess\. \S/);
    expect(await prisma.user.count()).toBe(before);
  });

  it.each([
    ["too short", "Abcdefg", "at least 8 characters"],
    ["no lower-case letter", "ABCDEFGH1", "a lower-case letter"],
    ["no upper-case letter", "abcdefgh1", "an upper-case letter"],
  ])("refuses a password with %s even when the form is bypassed", async (_case, password, rule) => {
    actAs(null, "198.51.100.2");
    const before = await prisma.user.count();
    const result = await signUp({ ...valid, email: `rule-${password}@example.test`, password });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors?.password?.join(" ")).toContain(rule);
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses an email that already has an account, in any letter case, and changes nothing", async () => {
    await createUser({ email: "taken@example.test" });
    actAs(null, "198.51.100.3");
    const [users, events] = [await prisma.user.count(), await prisma.auditEvent.count()];
    const result = await signUp({ ...valid, email: "TAKEN@Example.Test" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(!result.ok && result.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("gives two people with the same first name different workspace slugs", async () => {
    actAs(null, "198.51.100.4");
    const a = await signUp({ ...valid, email: "twin1@example.test" });
    const b = await signUp({ ...valid, email: "twin2@example.test" });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.data.redirectTo).not.toBe(b.data.redirectTo);
  });
});
