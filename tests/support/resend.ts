import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ResendRequest = { method?: string; url?: string; headers: IncomingHttpHeaders; body: { to?: string } & Record<string, unknown> };
export type ResendReply = { status: number; body: string };

export const RESEND_ACCEPTED: ResendReply = { status: 200, body: JSON.stringify({ id: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" }) };

/**
 * A local stand-in for the Resend API on an ephemeral port: the SDK sends to
 * RESEND_BASE_URL, so pointing that here exercises the real client. Every request is
 * kept; `answer` decides each reply.
 */
export async function startResendStandIn(answer: (request: ResendRequest) => ResendReply = () => RESEND_ACCEPTED) {
  const received: ResendRequest[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const request: ResendRequest = { method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : {} };
      received.push(request);
      const reply = answer(request);
      res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An address where nothing listens: a Resend that cannot be reached. */
export async function unreachableUrl() {
  const { url, close } = await startResendStandIn();
  await close();
  return url;
}
