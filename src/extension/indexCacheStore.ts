// Where the warm-start cache of one workspace folder lives: a file in the
// extension's storage for this workspace (`context.storageUri`, never the
// repository), read and written with node:fs, since the desktop and remote
// extension hosts have the folder on their own disk. Stats of the notes come
// from lstat in one synchronous sweep: 10,000 of them in a few milliseconds,
// where as many awaited calls take a tenth of a second.
// The browser build takes indexCacheStore.web.ts (no cache) instead.

import * as vscode from 'vscode';
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { FileStat } from '../core/fileSystem';

export interface IndexCacheStore {
  /** Identifies the build and the folder: a cache made by another is ignored. */
  readonly build: string;
  readonly key: string;
  read(): string | undefined;
  /** The head beside the cache (see makeIndexHead): what the first rows of a second start are drawn from. */
  readHead(): string | undefined;
  /** Writes the cache, then its head: a head never describes a newer cache than the one beside it. */
  write(text: string, head: string): void;
  stat(paths: string[]): Promise<Array<FileStat | undefined>>;
}

export function indexCacheStore(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, notesFolder: string): IndexCacheStore | undefined {
  const storage = context.storageUri;
  if (!storage || storage.scheme !== 'file' || folder.uri.scheme !== 'file') return undefined;
  const key = `${folder.uri.toString()}#${notesFolder}`;
  const base = join(storage.fsPath, `index-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  const file = `${base}.json`;
  const headFile = `${base}.head.json`;
  const root = folder.uri.fsPath;
  return {
    build: buildOf(context),
    key,
    read: () => readOrUndefined(file),
    readHead: () => readOrUndefined(headFile),
    write(text, head) {
      mkdirSync(storage.fsPath, { recursive: true });
      for (const [path, content] of [[file, text], [headFile, head]]) {
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, content);
        renameSync(temp, path);
      }
    },
    async stat(paths) {
      return paths.map((path) => {
        try {
          const s = lstatSync(join(root, path));
          return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : s.isSymbolicLink() ? 'symlink' : 'other', size: s.size, mtime: s.mtimeMs };
        } catch {
          return undefined;
        }
      });
    },
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The extension's version and its bundle's size and time: a rebuilt extension may parse notes differently. */
function buildOf(context: vscode.ExtensionContext): string {
  const version = String((context.extension.packageJSON as { version?: string }).version);
  try {
    const bundle = statSync(join(context.extensionUri.fsPath, 'dist/extension.js'));
    return `${version}:${bundle.size}:${bundle.mtimeMs}`;
  } catch {
    return version;
  }
}
