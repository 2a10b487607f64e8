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

// A reader that stopped reading is not an error of the run: the rest (an --out copy, the exit status) still happens.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", () => {
    closed.add(stream);
  });

run(process.argv.slice(2), {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  env: process.env,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
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
