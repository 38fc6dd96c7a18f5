// The invitation email names inviter, workspace, role, link and expiry (relaticle #493
// sent one without inviter or role).
import { afterEach, describe, expect, it } from "vitest";
import { invitationMessage, joinLink } from "@/lib/invitations/mail";
import { formatDateTime } from "@/lib/format";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const token = "A".repeat(20) + "b-_".repeat(7) + "xy";
const mail = {
  to: "ada@example.test",
  token,
  inviterName: "Grace Hopper",
  workspaceName: "Analytical Engines",
  role: "write" as const,
  expiresAt: new Date("2026-04-15T09:30:00Z"),
};

describe("invitationMessage", () => {
  it("names the inviter, workspace, role, link and expiry date, in HTML and in text", () => {
    process.env.APP_URL = "https://roster.example.com/some/path";
    const message = invitationMessage(mail);
    const link = `https://roster.example.com/join/${token}`;
    expect(message.to).toBe("ada@example.test");
    expect(message.links).toEqual({ join: link });
    expect(joinLink(token)).toBe(link);
    expect(message.subject).toContain("Grace Hopper");
    expect(message.subject).toContain("Analytical Engines");
    for (const body of [message.html, message.text]) {
      expect(body).toContain("Grace Hopper");
      expect(body).toContain("Analytical Engines");
      expect(body).toContain("Write");
      expect(body).toContain(link);
      expect(body).toContain(formatDateTime(mail.expiresAt));
      expect(body).toContain("15 Apr 2026");
    }
  });

  it("falls back to AUTH_URL, then localhost, for the link", () => {
    delete process.env.APP_URL;
    process.env.AUTH_URL = "https://auth.example.org";
    expect(invitationMessage(mail).links?.join).toBe(`https://auth.example.org/join/${token}`);
    delete process.env.AUTH_URL;
    process.env.PORT = "4321";
    expect(invitationMessage(mail).links?.join).toBe(`http://localhost:4321/join/${token}`);
  });

  it("escapes HTML in names, so a workspace called <script> cannot inject markup", () => {
    const message = invitationMessage({ ...mail, workspaceName: `<script>alert("x")</script> & Co`, inviterName: `Eve <img src=x onerror=alert(1)>` });
    expect(message.html).not.toContain("<script>");
    expect(message.html).not.toContain("<img");
    expect(message.html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co");
    expect(message.html).toContain("Eve &#60;img src=x onerror=alert(1)&#62;");
    // The plain-text part is not HTML: it keeps the name as written.
    expect(message.text).toContain(`<script>alert("x")</script> & Co`);
  });
});
