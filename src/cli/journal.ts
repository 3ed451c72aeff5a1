// A change of many files (topics rename and merge) writes a journal first:
// the plan (every file's text before and after) in the OS temp folder, so
// never in the repository, and a line per file as it is written. An
// interrupted change (Ctrl+C, kill -9, a crash) leaves it behind; the next
// writing command of the CLI in that workspace completes it, reports what
// it did and what it found changed meanwhile, and removes the journal.

import { promises as fsp, realpathSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyChanges, type ApplyReport } from '../core/writes/applyChanges';
import { encodeText } from '../core/fileSystem';
import type { FileChange } from '../core/writes/applyChanges';
import type { FileSystem } from '../core/fileSystem';
import { writeTemp } from '../node/guardedWrite';

interface JournalFile {
  command: string;
  started: string;
  pid: number;
  changes: FileChange[];
}

export function journalDir(root: string): string {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // a root that cannot be resolved is named as given
  }
  return path.join(tmpdir(), 'team-learnings-journals', createHash('sha256').update(real).digest('hex').slice(0, 16));
}

export class Journal {
  private constructor(
    readonly file: string,
    readonly command: string,
  ) {}

  /** Writes the plan before any file is changed. */
  static async begin(root: string, command: string, changes: FileChange[]): Promise<Journal> {
    const dir = journalDir(root);
    await fsp.mkdir(dir, { recursive: true });
    const file = path.join(dir, `journal-${process.pid}-${randomBytes(4).toString('hex')}.json`);
    const body: JournalFile = { command, started: new Date().toISOString(), pid: process.pid, changes };
    // Whole or not at all: written under a temporary name, then renamed.
    const temp = await writeTemp(file, encodeText(JSON.stringify(body)));
    await fsp.rename(temp, file);
    return new Journal(file, command);
  }

  async done(filePath: string): Promise<void> {
    await fsp.appendFile(`${this.file}.done`, `${JSON.stringify(filePath)}\n`);
  }

  async finish(): Promise<void> {
    await fsp.rm(`${this.file}.done`, { force: true });
    await fsp.rm(this.file, { force: true });
  }
}

export interface Completed {
  command: string;
  started: string;
  alreadyDone: number;
  report: ApplyReport;
}

/** Completes every journal left by a process that is gone. */
export async function completeInterrupted(root: string, fs: FileSystem): Promise<Completed[]> {
  const dir = journalDir(root);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const out: Completed[] = [];
  for (const name of names.filter((n) => /^journal-\d+-[0-9a-f]+\.json$/.test(n)).sort()) {
    const pid = Number(/^journal-(\d+)-/.exec(name)![1]);
    if (pid === process.pid || alive(pid)) continue;
    const file = path.join(dir, name);
    let journal: JournalFile;
    try {
      journal = JSON.parse(await fsp.readFile(file, 'utf8')) as JournalFile;
    } catch {
      await fsp.rm(file, { force: true });
      continue;
    }
    const doneText = await fsp.readFile(`${file}.done`, 'utf8').catch(() => '');
    const done = new Set(doneText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as string));
    const pending: FileChange[] = [];
    let alreadyDone = done.size;
    for (const change of journal.changes) {
      if (done.has(change.path)) continue;
      const now = await fs.readFile(change.path).then((b) => new TextDecoder().decode(b), () => undefined);
      // Written before the interruption, but not yet recorded: done.
      if (now === change.after) alreadyDone++;
      else pending.push(change);
    }
    const report = await applyChanges(fs, pending, { precheck: false });
    out.push({ command: journal.command, started: journal.started, alreadyDone, report });
    await fsp.rm(`${file}.done`, { force: true });
    await fsp.rm(file, { force: true });
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface JournaledReport extends ApplyReport {
  notDone?: string[];
  /** Ctrl+C stopped it: the journal stays, and the next run completes it. */
  interrupted: boolean;
}

/**
 * A change of many files written under a journal (as topics rename does):
 * the plan first, then each file compare-and-swapped on its own (one that
 * changed meanwhile is reported, the others are written), each recorded as
 * it is written. Ctrl+C stops before the next file and leaves the journal;
 * otherwise it is removed. Rejects, writing nothing, when the journal
 * cannot be written.
 */
export async function applyWithJournal(root: string, fs: FileSystem, command: string, changes: FileChange[], onApplied: (path: string) => void): Promise<JournaledReport> {
  const journal = await Journal.begin(root, command, changes);
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  try {
    const report = await applyChanges(fs, changes, {
      precheck: false,
      shouldStop: () => interrupted,
      onApplied: async (p) => {
        onApplied(p);
        await journal.done(p);
      },
    });
    if (!interrupted) await journal.finish();
    return { ...report, interrupted };
  } finally {
    process.off('SIGINT', onSigint);
  }
}
