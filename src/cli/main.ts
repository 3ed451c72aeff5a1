// `learnings`: the core over Node's file system, for CI, hooks and scripts.

import { run } from './run';
import { terminalText } from '../core/render/terminalText';

// `learnings list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

run(process.argv.slice(2), {
  // Every line is made inert here, once: no note text or file name reaches the terminal with a control character in it.
  out: (line) => process.stdout.write(`${terminalText(line)}\n`),
  err: (line) => process.stderr.write(`${terminalText(line)}\n`),
  // A calendar file: core escapes its text and drops control characters (core/goals/ics.ts).
  write: (text) => process.stdout.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug of ours, not bad input: still one line, plus where to look.
    process.stderr.write(`learnings: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.LEARNINGS_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    process.exitCode = 3;
  },
);
