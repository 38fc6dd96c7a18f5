// Next renders a page that throws as a 500, and a page cannot choose another status: an
// error boundary runs after the status is sent, and nothing in a server component sets
// it. So the server holds back any response that starts with a 5xx status: the caller
// then decides, after probing the database, to answer with a page of its own (503 while
// the database is unreachable, else 500) or to let the held response through unchanged.
// Responses that start with any other status pass straight through, untouched.

/**
 * Wraps `res` so that a response starting with status >= 500 is held; `onHeld(replay)` is
 * then called once Next has ended it, with the original methods restored, and either
 * writes its own response or calls `replay()` to send Next's as it was.
 */
export function holdServerErrors(res, onHeld) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const calls = [];
  let state = "undecided"; // → "passing", or "holding" until Next ends the response, then "released"

  const wrappers = {};
  // Puts the original methods back where ours still are. Next wraps some of them itself
  // (after ours were set): those wrappers stay, and ours, inside them, pass every call on.
  const restore = () => {
    for (const [key, fn] of Object.entries(wrappers)) {
      if (res[key] !== fn) continue;
      delete res[key];
      if (res[key] !== original[key]) res[key] = original[key];
    }
  };
  const decide = (status) => {
    if (state === "undecided") {
      state = status >= 500 ? "holding" : "passing";
      if (state === "passing") restore();
    }
    return state === "holding";
  };
  const callbackOf = (args) => args.find((a) => typeof a === "function");

  wrappers.writeHead = res.writeHead = function (status, ...rest) {
    if (!decide(status)) return original.writeHead.call(this, status, ...rest);
    this.statusCode = status;
    calls.push(["writeHead", [status, ...rest]]);
    return this;
  };
  wrappers.flushHeaders = res.flushHeaders = function () {
    if (!decide(this.statusCode)) return original.flushHeaders.call(this);
  };
  wrappers.write = res.write = function (...args) {
    if (!decide(this.statusCode)) return original.write.apply(this, args);
    // Acknowledged now; the replay writes the data without calling back a second time.
    calls.push(["write", args.filter((a) => typeof a !== "function")]);
    callbackOf(args)?.();
    return true;
  };
  wrappers.end = res.end = function (...args) {
    if (!decide(this.statusCode)) return original.end.apply(this, args);
    // From here every call passes through, the server's own answer included.
    state = "released";
    restore();
    const replay = () => {
      // While held, no header went out, so Node let writeHead be called again (compression
      // calls it from its own write): once sent, a second call would throw and leave the
      // client waiting.
      for (const [name, callArgs] of calls) if (!(name === "writeHead" && res.headersSent)) original[name].apply(res, callArgs);
      original.end.apply(res, args);
    };
    onHeld(replay);
    return this;
  };
}
