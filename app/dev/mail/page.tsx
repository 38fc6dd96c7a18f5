import { notFound } from "next/navigation";
import { outboxPageEnabled, readOutbox } from "@/lib/mail/send";
import { plural } from "@/lib/format";

export const metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

// The local outbox: every message Roster "sent" while no RESEND_API_KEY is set. With
// Resend configured, or on a production server without MAIL_OUTBOX_PAGE=true, this page
// does not exist: it would hand anyone every invitation link.
export default async function OutboxPage() {
  if (!outboxPageEnabled()) notFound();
  const messages = await readOutbox();
  return (
    <main className="mx-auto grid max-w-4xl gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="text-sm text-muted-foreground">
          Mail is written here because RESEND_API_KEY is not set. {plural(messages.length, "message")}, newest first.
        </p>
      </div>
      {messages.map((m) => (
        <article key={m.id} className="grid gap-2 rounded-lg border bg-background p-4" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} className="font-medium">
            {m.subject}
          </h2>
          <p className="text-sm text-muted-foreground">
            To {m.to} · {new Date(m.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
          </p>
          {m.links && Object.keys(m.links).length ? (
            <ul className="text-sm">
              {Object.entries(m.links).map(([name, href]) => (
                <li key={name}>
                  {name}: <a className="text-primary underline" href={href}>{href}</a>
                </li>
              ))}
            </ul>
          ) : null}
          <pre className="whitespace-pre-wrap rounded bg-muted p-3 text-sm">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
