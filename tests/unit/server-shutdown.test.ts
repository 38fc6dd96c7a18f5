import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { holdServerErrors } from "@/server/hold-errors.mjs";
import { gracefulShutdown } from "@/server/shutdown.mjs";

// server.mjs's pieces on a real HTTP server: how a failed response is held back for the
// server to answer in the app's place, and the graceful stop.

const require = createRequire(import.meta.url);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { server, port };
}

function get(port: number, path = "/"): Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    })
      .on("error", reject)
      .end();
  });
}

describe("holdServerErrors", () => {
  it("lets a response that is not a server error through untouched, and holds a 5xx until the server decides", async () => {
    const decisions: string[] = [];
    const { server, port } = await listen((req, res) => {
      holdServerErrors(res, (replay) => {
        decisions.push(req.url!);
        if (req.url === "/replay") return replay();
        res.writeHead(503, { "Retry-After": "5" }).end("ours");
      });
      if (req.url === "/ok") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("a");
        return res.end("b");
      }
      res.statusCode = 500;
      res.setHeader("content-type", "text/html");
      res.write("<p>Next's ");
      res.end("error</p>");
    });
    try {
      expect(await get(port, "/ok")).toMatchObject({ status: 200, body: "ab" });
      const replaced = await get(port, "/fail");
      expect(replaced).toMatchObject({ status: 503, body: "ours" });
      expect(replaced.headers["retry-after"]).toBe("5");
      expect(await get(port, "/replay")).toMatchObject({ status: 500, body: "<p>Next's error</p>" });
      expect(decisions).toEqual(["/fail", "/replay"]);
    } finally {
      server.close();
    }
  });
});

describe("holdServerErrors behind Next's compression", () => {
  it("replays a compressed 5xx whole: compression asks for the headers twice while they are held", async () => {
    // Next compresses responses with this module; an API route's 500 goes through it.
    const compress = (require("next/dist/compiled/compression") as () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void)();
    const body = JSON.stringify({ error: { code: "internal", message: "x".repeat(2_000) } });
    const { server, port } = await listen((req, res) => {
      holdServerErrors(res, (replay) => void Promise.resolve().then(replay));
      compress(req, res, () => {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.write(body);
        (res as ServerResponse & { flush?: () => void }).flush?.();
        res.end();
      });
    });
    try {
      const answer = await new Promise<{ status: number; encoding?: string; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, encoding: res.headers["content-encoding"], body: gunzipSync(Buffer.concat(chunks)).toString() }));
        });
        req.setTimeout(5_000, () => reject(new Error("the held response never ended")));
        req.on("error", reject).end();
      });
      expect(answer).toEqual({ status: 500, encoding: "gzip", body });
    } finally {
      server.close();
    }
  });
});

describe("gracefulShutdown", () => {
  it("stops accepting connections, lets the request in flight finish, then closes the database and exits 0", async () => {
    const events: string[] = [];
    let finish!: () => void;
    const { server, port } = await listen((req, res) => {
      shutdown.track(req, res);
      events.push("request started");
      finish = () => res.end("done");
    });
    const shutdown = gracefulShutdown({
      server,
      log: () => {},
      closeDatabase: async () => void events.push("database closed"),
      exit: (code: number) => void events.push(`exit ${code}`),
    });
    const inFlight = get(port);
    while (!events.includes("request started")) await new Promise((r) => setTimeout(r, 5));
    const stopped = shutdown.stop("SIGTERM");
    shutdown.stop("SIGINT"); // a second signal changes nothing
    await new Promise((r) => setTimeout(r, 300)); // connections already made are accepted first
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(["request started"]);
    finish();
    const response = await inFlight;
    expect(response).toMatchObject({ status: 200, body: "done" });
    expect(response.headers.connection).toBe("close");
    await stopped;
    expect(events).toEqual(["request started", "database closed", "exit 0"]);
  });

  it("gives up on a request that outlives the grace period, and exits 1 when the database fails to close", async () => {
    const exits: number[] = [];
    const { server, port } = await listen((req, res) => shutdown.track(req, res)); // never answers
    const shutdown = gracefulShutdown({
      server,
      log: () => {},
      graceMs: 100,
      closeDatabase: async () => {
        throw new Error("close failed");
      },
      exit: (code: number) => void exits.push(code),
    });
    const hanging = get(port).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await shutdown.stop("SIGTERM");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
    expect(exits).toEqual([1]);
  });
});
