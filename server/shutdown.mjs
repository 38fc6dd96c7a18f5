// Stopping on SIGTERM (an orchestrator's stop, `kill`) or SIGINT (Ctrl+C): stop accepting
// connections, let the requests in flight finish within a bound, close the database
// (the embedded one is flushed and closed, releasing its data directory), then exit 0.
// docs/decisions/016-operating-roster.md
import net from "node:net";

// Counted in turns of the event loop rather than in time alone: on a busy machine a request
// that has arrived may wait a long while to be read, and a connection may wait to be
// accepted, but each turn of the loop accepts what is pending and reads what has arrived.
/** Turns (50 ms apart) that connections already made get to be accepted before the listener closes. */
const ACCEPT_TURNS = 4;
/** How often connections with nothing under way are looked at while stopping. */
const SWEEP_MS = 250;
/** A connection found with nothing under way this many sweeps running is closed. */
const IDLE_SWEEPS = 3;

/**
 * `track(req, res)` counts a request in flight until its response closes; `stop(signal)`
 * runs the shutdown once (a second signal while stopping changes nothing: a terminal's
 * Ctrl+C reaches both `npm run demo` and this server, which the demo then signals again).
 *
 * Not http.Server#close: it destroys every connection with no request under way at that
 * instant, and one whose request has arrived but not been read yet counts as idle, so its
 * client gets a reset. Here each response from now on closes its connection; a
 * connection closes once it has had nothing under way for IDLE_SWEEPS sweeps running; the
 * process waits for all of them, at most `graceMs`.
 */
export function gracefulShutdown({ server, closeDatabase, log, graceMs = 10_000, exit = (code) => process.exit(code) }) {
  const open = new Set();
  const sockets = new Map(); // socket → { busy, idleSweeps }
  let stopping = null;
  // A keep-alive connection would otherwise stay open after its last response.
  const closeAfter = (res) => !res.headersSent && res.setHeader("Connection", "close");

  server.on("connection", (socket) => {
    sockets.set(socket, { busy: 0, idleSweeps: 0 });
    socket.once("close", () => sockets.delete(socket));
  });

  function track(req, res) {
    open.add(res);
    const state = sockets.get(req.socket);
    if (state) {
      state.busy++;
      state.idleSweeps = 0;
    }
    if (stopping) closeAfter(res);
    res.once("close", () => {
      open.delete(res);
      if (state) state.busy--;
    });
  }

  function sweep() {
    for (const [socket, state] of sockets) {
      if (state.busy > 0) state.idleSweeps = 0;
      else if (++state.idleSweeps >= IDLE_SWEEPS) socket.destroy();
    }
  }

  function stop(signal) {
    stopping ??= (async () => {
      log("info", "shutting down", { signal, inFlight: open.size });
      for (const res of open) closeAfter(res);
      for (let turn = 0; turn < ACCEPT_TURNS; turn++) await new Promise((resolve) => setTimeout(resolve, 50));
      const listening = new Promise((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      log("info", "no longer accepting connections", { inFlight: open.size });
      const sweeper = setInterval(sweep, SWEEP_MS);
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
        timer.unref?.();
      });
      if ((await Promise.race([listening, late])) === "timeout") {
        log("warn", "requests still in flight after the grace period; closing their connections", { inFlight: open.size, graceMs });
        for (const socket of sockets.keys()) socket.destroy();
      }
      clearInterval(sweeper);
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
