// Stopping on SIGTERM (an orchestrator's stop, `kill`) or SIGINT (Ctrl+C): stop accepting
// connections, let the requests in flight finish within a bound, close the database
// (the embedded one is flushed and closed, releasing its data directory), then exit 0.
// docs/decisions/016-operating-roster.md

/**
 * `track(req, res)` counts a request in flight until its response closes; `stop(signal)`
 * runs the shutdown once (a second signal while stopping changes nothing: a terminal's
 * Ctrl+C reaches both `npm run demo` and this server, which the demo then signals again).
 */
export function gracefulShutdown({ server, closeDatabase, log, graceMs = 10_000, exit = (code) => process.exit(code) }) {
  const open = new Set();
  let stopping = null;
  const idle = new Set();
  // A keep-alive connection would otherwise stay open after its last response.
  const closeAfter = (res) => !res.headersSent && res.setHeader("Connection", "close");

  function track(_req, res) {
    open.add(res);
    if (stopping) closeAfter(res);
    res.once("close", () => {
      open.delete(res);
      if (stopping && open.size === 0) for (const resolve of idle) resolve();
    });
  }

  function stop(signal) {
    stopping ??= (async () => {
      log("info", "shutting down", { signal, inFlight: open.size });
      const closed = new Promise((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections close now; those with a request in flight close
      // after its response, which says so.
      server.closeIdleConnections?.();
      for (const res of open) closeAfter(res);
      const drained = open.size === 0 ? Promise.resolve() : new Promise((resolve) => idle.add(resolve));
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
        timer.unref?.();
      });
      if ((await Promise.race([drained.then(() => closed), late])) === "timeout") {
        log("warn", "requests still in flight after the grace period; closing their connections", { inFlight: open.size, graceMs });
        server.closeAllConnections?.();
      }
      clearTimeout(timer);
      let code = 0;
      try {
        await closeDatabase();
      } catch (error) {
        code = 1;
        log("error", "closing the database failed", { error: String(error?.message ?? error), stack: error?.stack });
      }
      log("info", "stopped", { signal, exitCode: code });
      exit(code);
    })();
    return stopping;
  }

  return { track, stop, stopping: () => stopping !== null };
}
