// Applied by `npm install` / `npm ci` (package.json "postinstall"); safe to run again.
//
// postgres (postgres-js) 3.4.9 crashes the process when a connection dies while a write is
// queued, which is exactly what happens when PostgreSQL restarts or the network drops in
// the middle of a transaction: the transaction's ROLLBACK is written on the dead connection
// from a setImmediate, `socket.write` is called on null, and the TypeError is uncaught.
// Teardown also cancels the queued write without forgetting it, so the connection never
// sends anything again ("poisoned": every later query on it waits for connect_timeout),
// and keeps the dead connection's FATAL error (57P01), which the first query on the
// reconnected connection then receives as its own.
// Upstream: porsager/postgres#1066, #1154, #1208 (open), fixes proposed in #1168, #1209.
// api/db/connection-loss.test.ts reproduces both on PostgreSQL.
//
// The fix: teardown forgets the queued write and the old error, and a write that finds no
// socket rejects its queries with CONNECTION_CLOSED (the API answers 503) instead of throwing.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MARKER = "/* live-sessions: postgres-js#1208 */";
const PATCHED_VERSION = "3.4.9";

let root;
try {
  root = dirname(dirname(fileURLToPath(import.meta.resolve("postgres"))));
} catch {
  console.log("patch-postgres-js: postgres is not installed; nothing to patch");
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (version !== PATCHED_VERSION) {
  console.warn(
    `patch-postgres-js: postgres is ${version}, the patch is for ${PATCHED_VERSION}. ` +
      "Check whether porsager/postgres#1208 is fixed there, then update or remove api/db/patch-postgres-js.mjs " +
      "(api/db/connection-loss.test.ts tells on PostgreSQL).",
  );
  process.exit(0);
}

const replacements = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    `  function nextWrite(fn) {\n    if (!socket) { ${MARKER}\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  // terminate() and closed(): forget the cancelled write along with its bytes.
  [
    "    clearImmediate(nextWriteTimer)\n    if (socket) {",
    `    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null ${MARKER}\n    if (socket) {`,
  ],
  [
    "    incomings = null\n    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    `    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = errorResponse = null ${MARKER}\n    socket.removeListener('data', data)`,
  ],
];

for (const file of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const path = join(root, file);
  let text = readFileSync(path, "utf8");
  if (text.includes(MARKER)) continue;
  for (const [from, to] of replacements) {
    if (text.split(from).length !== 2) {
      console.error(`patch-postgres-js: ${file} does not look like postgres ${PATCHED_VERSION}'s; not patched.`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  writeFileSync(path, text);
  console.log(`patch-postgres-js: patched ${file}`);
}
