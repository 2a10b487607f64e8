/**
 * The `goal-cascade` executable: runs the command line on the process's arguments. Output to a terminal has its
 * control characters escaped; a reader that stops early (`| head`) is no error (the run still writes its copy and
 * sets its status); an unexpected failure is
 * one line, never a stack trace (GOAL_CASCADE_DEBUG=1 prints it).
 */
import { run } from "./main";
import { forTerminal } from "./output";

/** Streams the reader has closed (`| head`): what is still printed to them is dropped, the run goes on. */
const closed = new Set<NodeJS.WriteStream>();

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    if (!closed.has(stream)) stream.write(stream.isTTY ? forTerminal(text) : text);
  };
}

/** Bytes gathered before they go to a file or a pipe: a report of 60,000 findings is 18 MB of small pieces. */
const CHUNK_BYTES = 1 << 20;

/**
 * A writer to a file or a pipe that encodes the pieces into chunks of CHUNK_BYTES and writes whole chunks (each a
 * buffer of its own, since a pipe may still hold one being written): a third faster than a write per batch of
 * text. `flush` writes what is gathered; a terminal gets each piece at once.
 */
function chunkedWriter(stream: NodeJS.WriteStream): { write(text: string): void; flush(): void } {
  const direct = writer(stream);
  if (stream.isTTY) return { write: direct, flush: () => undefined };
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const flush = () => {
    if (used > 0 && !closed.has(stream)) stream.write(chunk.subarray(0, used));
    if (used > 0) chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
  };
  return {
    write: (text) => {
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > CHUNK_BYTES) flush();
      if (text.length * 3 > CHUNK_BYTES) direct(text);
      else used += chunk.write(text, used);
    },
    flush,
  };
}

// A reader that stopped reading is not an error of the run: the rest (an --out copy, the exit status) still happens.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", () => {
    closed.add(stream);
  });

const stdout = chunkedWriter(process.stdout);
const stderr = writer(process.stderr);

run(process.argv.slice(2), {
  stdout: stdout.write,
  // What goes to stderr follows what was printed before it.
  stderr: (text) => {
    stdout.flush();
    stderr(text);
  },
  env: process.env,
}).then(
  (status) => {
    stdout.flush();
    process.exitCode = status;
  },
  (error: unknown) => {
    stdout.flush();
    const detail =
      process.env.GOAL_CASCADE_DEBUG && error instanceof Error
        ? (error.stack ?? error.message)
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(
      `goal-cascade: unexpected failure (${detail}); please report it with the command you ran\n`
    );
    process.exitCode = 2;
  }
);
