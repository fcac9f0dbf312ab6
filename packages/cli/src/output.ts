let closed = false;
let guarded = false;

/**
 * Writes one line to stdout. When the reader has gone (`tokenvault providers list | head -1`), the rest of the
 * output is dropped and the command ends normally, instead of dying on an unhandled EPIPE.
 */
export function printLine(line: string): void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closed = true;
      else throw err;
    });
  }
  if (!closed) process.stdout.write(`${line}\n`);
}

/** Notes for people (dev mode, progress) go to stderr, so stdout stays data a script can read. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}
