// Compare-and-swap writes over node:fs. A note is replaced only under its
// lock file (`.<name>.lock`, created with O_EXCL): inside it the file is
// read again and compared with what the change was planned on, and only
// then is the new content renamed into place. Two writers that take the
// lock (the CLI, the extension) never both succeed on the same base: the
// second finds the file changed and reports it. A lock left by a process
// that died is taken over; so is one older than STALE_MS.

import { promises as fsp, constants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ChangedOnDiskError, WriteRefusedError } from '../core/fileSystem';

/** A lock older than this is a leftover, whoever holds it: a write takes milliseconds. */
const STALE_MS = 30_000;
/** How long a writer waits for another's lock before it gives up and reports the file. */
const WAIT_MS = 5_000;

export function lockPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Our temporary files: `.<name>.<pid>-<hex>.tmp`, so a leftover names the process that made it. */
export function tempPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;
const LOCK_NAME = /^\..+\.lock$/;
const OLD_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `target`, waiting for another writer up to WAIT_MS; returns its release. */
export async function takeLock(target: string): Promise<() => Promise<void>> {
  const lock = lockPathOf(target);
  const deadline = Date.now() + WAIT_MS;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      const handle = await fsp.open(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => fsp.unlink(lock).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await isStale(lock)) {
      await fsp.unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new WriteRefusedError('another writer holds its lock: not written');
    await new Promise((r) => setTimeout(r, wait));
  }
}

async function isStale(lock: string): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fsp.readFile(lock, 'utf8'), fsp.stat(lock)]);
    const pid = Number(text.trim());
    if (Date.now() - stat.mtimeMs > STALE_MS) return true;
    // An empty lock is one being written this instant: not stale.
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  } catch {
    return false;
  }
}

/**
 * Replaces (or, `data` undefined, deletes) `target` only if it still holds
 * `expected`, under its lock. Keeps the file's mode and group; refuses a
 * read-only file and a symlink (which would be replaced by a plain file).
 */
export async function replaceIfUnchanged(target: string, expected: Uint8Array, data: Uint8Array | undefined, shown: string): Promise<void> {
  const temp = data === undefined ? undefined : await writeTemp(target, data);
  try {
    const release = await takeLock(target);
    try {
      const stat = await fsp.lstat(target).catch(() => undefined);
      if (!stat) throw new ChangedOnDiskError(shown);
      if (stat.isSymbolicLink()) throw new WriteRefusedError('is a symlink to another file: not rewritten (edit the file it points to)');
      if (!stat.isFile()) throw new WriteRefusedError('is not a regular file: not rewritten');
      if ((stat.mode & 0o222) === 0) throw new WriteRefusedError('is read-only: not rewritten');
      const now = await fsp.readFile(target);
      if (!Buffer.from(now.buffer, now.byteOffset, now.length).equals(Buffer.from(expected.buffer, expected.byteOffset, expected.length))) throw new ChangedOnDiskError(shown);
      if (temp === undefined) {
        await fsp.unlink(target);
        return;
      }
      await fsp.chmod(temp, stat.mode & 0o7777);
      await fsp.chown(temp, stat.uid, stat.gid).catch(() => fsp.chown(temp, -1, stat.gid).catch(() => undefined));
      await fsp.rename(temp, target);
    } finally {
      await release();
    }
  } finally {
    if (temp !== undefined) await fsp.unlink(temp).catch(() => undefined);
  }
}

/** The content under a temporary name next to `target`, synced; nothing is left behind when it fails. */
export async function writeTemp(target: string, data: Uint8Array): Promise<string> {
  const temp = tempPathOf(target);
  const handle = await fsp.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (err) {
    // A full disk, say: no half-written temporary file is left behind.
    await handle.close().catch(() => undefined);
    await fsp.unlink(temp).catch(() => undefined);
    throw err;
  }
  return temp;
}

/** Removes our temporary files and locks left in `dir` by processes that are gone; returns how many. */
export async function cleanLeftovers(dir: string): Promise<number> {
  let removed = 0;
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) removed += await cleanLeftovers(full);
    if (!e.isFile()) continue;
    const temp = TEMP_NAME.exec(e.name);
    // Temporary files of earlier versions carry no process id: left over once older than a write could take.
    const old = !temp && OLD_TEMP_NAME.test(e.name) && Date.now() - (await fsp.stat(full).then((s) => s.mtimeMs, () => Date.now())) > STALE_MS;
    const stale = temp ? !alive(Number(temp[1])) : old || (LOCK_NAME.test(e.name) && (await isStale(full)));
    if (stale && (await fsp.unlink(full).then(() => true, () => false))) removed++;
  }
  return removed;
}
