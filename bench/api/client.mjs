// A lean closed-loop HTTP/1.1 load generator for the API benchmark: `connections` keep-alive sockets, each sending its
// next request as soon as the last answer is complete, alternating the given kinds of request. Latency is taken from
// just before a request is written to the last byte of its answer, per kind.
//
// Why not autocannon alone: on a 2-core machine the client shares the cores with the server, and autocannon takes
// about a third of one (it builds each request anew, parses with a JavaScript parser and collects every body as a
// string); this client takes about a quarter. wrk, the usual lean choice, reports on this machine a p99 ten times the
// longest request-to-response time the server's own clock sees, and h2load walks its URI list in step on every
// connection (all of them asking for the same actor at once). run.mjs keeps autocannon as `BENCH_CLIENT=autocannon`.
import { connect } from "node:net";

const HEADER_END = Buffer.from("\r\n\r\n");
const TIMEOUT_MS = 10_000;

/**
 * Drive `port` on 127.0.0.1 for `seconds` with `connections` sockets. `next(kind)` gives the path of the next request
 * of that kind; each connection alternates `kinds`. Resolves to per-kind latencies (ms, in order of completion) and
 * non-2xx counts, with errors (socket errors, answers it cannot read, timeouts).
 * `onSecond` is called about once a second with the requests completed so far.
 */
export function driveNet({ port, connections, seconds, kinds, next, onSecond }) {
  const latencies = Object.fromEntries(kinds.map((k) => [k, []]));
  const non2xx = Object.fromEntries(kinds.map((k) => [k, 0]));
  let errors = 0;
  let done = 0;
  let open = 0;
  let stopping = false;
  return new Promise((resolve) => {
    const finish = () => {
      clearInterval(ticker);
      resolve({ latencies, non2xx, errors, duration: seconds });
    };
    const ticker = setInterval(() => onSecond?.(done), 1000);
    setTimeout(() => {
      stopping = true;
      if (open === 0) finish();
    }, seconds * 1000);
    for (let c = 0; c < connections; c++) {
      const socket = connect(port, "127.0.0.1");
      socket.setNoDelay(true);
      open++;
      let turn = c % kinds.length; // connections start on alternate kinds
      let kind; // the kind of the request in flight
      let started = 0;
      let buffered = null;
      let need = -1; // bytes of the whole answer, once its head is read
      let status = 0;
      let timer;
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        socket.destroy();
        if (--open === 0 && stopping) finish();
      };
      const fail = () => {
        if (closed) return;
        errors++;
        close();
      };
      const send = () => {
        if (stopping) return close();
        kind = kinds[turn];
        turn = (turn + 1) % kinds.length;
        started = performance.now();
        timer = setTimeout(fail, TIMEOUT_MS);
        socket.write(`GET ${next(kind)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      };
      socket.on("connect", send);
      // A refused or reset connection, or the server closing it: an error (the connection is not replaced).
      socket.on("error", fail);
      socket.on("end", fail);
      socket.on("data", (chunk) => {
        buffered = buffered ? Buffer.concat([buffered, chunk]) : chunk;
        if (need < 0) {
          const end = buffered.indexOf(HEADER_END);
          if (end < 0) return;
          const head = buffered.toString("latin1", 0, end);
          status = Number(head.slice(9, 12));
          const length = /\r\ncontent-length: *(\d+)/i.exec(head);
          // The API always sends a length; anything else (chunked, a second answer) is an error here.
          if (!length) return fail();
          need = end + 4 + Number(length[1]);
        }
        if (buffered.length < need) return;
        if (buffered.length > need) return fail();
        const ms = performance.now() - started;
        clearTimeout(timer);
        buffered = null;
        need = -1;
        done++;
        if (status >= 200 && status < 300) latencies[kind].push(ms);
        else non2xx[kind]++;
        send();
      });
    }
  });
}
