import { describe, expect, it } from "vitest";
import { logLevel, makeLogger, redactPath, requestFields } from "@/server/log.mjs";
import { errorPage, pageHeaders } from "@/server/error-pages.mjs";

// The log line server.mjs writes per request, and the pages it answers with itself.

function sink() {
  const lines: string[] = [];
  return { lines, write: (s: string) => void lines.push(s) };
}

describe("request log lines", () => {
  it("hold the request's time, method, path, status, duration, id and user id, as one JSON line", () => {
    const out = sink();
    const logger = makeLogger({}, out, sink());
    logger.write("info", "request", requestFields({ requestId: "req-1", method: "GET", url: "/w/acme/members?q=ada", status: 200, durationMs: 12.345, userId: "u_1" }));
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]!.endsWith("\n")).toBe(true);
    const line = JSON.parse(out.lines[0]!);
    expect(line).toEqual({ time: expect.any(String), level: "info", msg: "request", requestId: "req-1", method: "GET", path: "/w/acme/members?[redacted]", status: 200, durationMs: 12.3, userId: "u_1" });
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
  });

  it("never log a join, verification or reset token, nor a query string", () => {
    const token = "Xq3c8bq2yTqI2m2hQ1o2b3e4f5g6h7i8j9k0l1m2n3o";
    expect(redactPath(`/join/${token}`)).toBe("/join/[redacted]");
    expect(redactPath(`/join/${token}?next=/w`)).toBe("/join/[redacted]?[redacted]");
    expect(redactPath(`/verify-email/${token}`)).toBe("/verify-email/[redacted]");
    expect(redactPath(`/reset-password/${token}`)).toBe("/reset-password/[redacted]");
    expect(redactPath("/reset-password")).toBe("/reset-password");
    expect(redactPath(`/login?callbackUrl=%2Fjoin%2F${token}`)).toBe("/login?[redacted]");
    expect(redactPath("/w/acme/members")).toBe("/w/acme/members");
    const out = sink();
    makeLogger({}, out, sink()).write("info", "request", requestFields({ requestId: "r", method: "GET", url: `/join/${token}?t=${token}`, status: 200, durationMs: 1 }));
    expect(out.lines.join("")).not.toContain(token);
  });

  it("follow LOG_LEVEL: warnings and errors go to stderr, requests to stdout, and a wrong value is refused", () => {
    const out = sink();
    const err = sink();
    const logger = makeLogger({ LOG_LEVEL: "warn" }, out, err);
    logger.write("info", "request", {});
    logger.write("warn", "database unavailable", { reason: "unreachable" });
    logger.write("error", "request error", { stack: "Error: x\n    at y" });
    expect(out.lines).toEqual([]);
    expect(err.lines.map((l) => JSON.parse(l).msg)).toEqual(["database unavailable", "request error"]);
    expect(JSON.parse(err.lines[1]!).stack).toContain("at y");
    expect(makeLogger({ LOG_LEVEL: "debug" }).enabled("debug")).toBe(true);
    expect(makeLogger({}).enabled("debug")).toBe(false);
    expect(logLevel({ LOG_LEVEL: "ERROR" })).toBe("error");
    expect(() => logLevel({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of error, warn, info, debug/);
  });

  it("can be written as short lines for a person (LOG_FORMAT=pretty, as the demo does)", () => {
    const err = sink();
    makeLogger({ LOG_FORMAT: "pretty" }, sink(), err).write("warn", "database unavailable", { reason: "unreachable" });
    expect(err.lines[0]).toMatch(/^\d\d:\d\d:\d\d warn  database unavailable \(reason=unreachable\)\n$/);
  });
});

describe("the server's own pages", () => {
  it("say what happened, name the request id, and send no script", () => {
    const html = errorPage({ status: 503, message: "Roster can't reach its database right now. Nothing was lost; try again in a moment.", requestId: "abc-123" });
    expect(html).toContain("Roster can&#39;t reach its database right now. Nothing was lost; try again in a moment.");
    expect(html).toContain("<code>abc-123</code>");
    expect(html).not.toContain("<script");
    const headers = pageHeaders(503, "abc-123", html);
    expect(headers).toMatchObject({ "Retry-After": "5", "X-Request-Id": "abc-123", "Cache-Control": "no-store" });
    expect(String(headers["Content-Security-Policy"])).toContain("default-src 'none'");
    expect(pageHeaders(500, "x", "")).not.toHaveProperty("Retry-After");
    expect(errorPage({ status: 500, message: "<b>", requestId: "<i>" })).not.toMatch(/<b>|<i>/);
  });
});
