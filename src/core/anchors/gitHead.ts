// The commit at HEAD, read from `.git` through the FileSystem interface, so
// capturing an anchor never spawns git and works wherever files can be read.

import { decodeText, type FileSystem } from '../fileSystem';

export async function readHeadCommit(fs: FileSystem, gitDir = '.git'): Promise<string | undefined> {
  try {
    const stat = await fs.stat(gitDir);
    if (stat?.type !== 'directory') return undefined;
    const head = decodeText(await fs.readFile(`${gitDir}/HEAD`)).trim();
    if (/^[0-9a-f]{40,64}$/.test(head)) return head;
    const ref = /^ref:\s*(refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    const loose = await fs.stat(`${gitDir}/${ref}`);
    if (loose?.type === 'file') {
      const hash = decodeText(await fs.readFile(`${gitDir}/${ref}`)).trim();
      return /^[0-9a-f]{40,64}$/.test(hash) ? hash : undefined;
    }
    const packed = await fs.stat(`${gitDir}/packed-refs`);
    if (packed?.type !== 'file') return undefined;
    for (const line of decodeText(await fs.readFile(`${gitDir}/packed-refs`)).split('\n')) {
      const [hash, name] = line.trim().split(' ');
      if (name === ref && /^[0-9a-f]{40,64}$/.test(hash)) return hash;
    }
  } catch {
    // No repository, or one we cannot read: the anchor simply has no commit.
  }
  return undefined;
}

/** A short hash, as people write it in notes. */
export function shortCommit(hash: string): string {
  return hash.slice(0, 7);
}
