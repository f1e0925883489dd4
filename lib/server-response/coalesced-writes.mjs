// @ts-check
import http from "node:http";

// Next sends a route's response with res.flushHeaders(), then writes the body and ends it.
// flushHeaders() writes the headers to the socket on their own; Node then sends the body (and a
// small body's chunked terminator: res.write corks the socket until the next tick) in a second
// write, and a body over the socket's buffer limit ends in a third once it has drained. Each
// write can wake the client, and on a busy machine each wake-up can hand the CPU to another
// process before the next write goes out: profiled under bench:search at c=1, the header and
// terminator writes took more of the server's time than writing the 48 KB body. Corked the same
// way res.write corks, the headers leave with the first body chunk: one write fewer per
// response. What is sent is unchanged, only how it is cut; a streamed page's later chunks go
// out as they come, as before.

/** Patches http.ServerResponse once per process; next.config.js calls it when the server starts. */
export function coalesceResponseWrites() {
  const proto = /** @type {any} */ (http.ServerResponse.prototype);
  if (proto.pressroomCoalescesWrites) return;
  const flushHeaders = proto.flushHeaders;
  proto.flushHeaders = function () {
    const socket = this.socket;
    if (socket && !this.headersSent && !socket.destroyed) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    return flushHeaders.call(this);
  };
  proto.pressroomCoalescesWrites = true;
}
