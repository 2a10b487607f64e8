/**
 * The `goal-cascade` executable: runs the command line on the process's arguments. Output to a terminal has its
 * control characters escaped; a reader that stops early (`| head`) ends the run quietly; an unexpected failure is
 * one line, never a stack trace (GOAL_CASCADE_DEBUG=1 prints it).
 */
import { run } from "./main";
import { forTerminal } from "./output";

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(stream.isTTY ? forTerminal(text) : text);
  };
}

// A reader that stopped reading (`goal-cascade audit … | head`) is not an error of the run.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
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
