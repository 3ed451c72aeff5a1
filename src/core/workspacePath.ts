// A path from a note (an anchor's path, a link), which is untrusted: it must
// name a file inside the workspace, never one outside it.

/** Returns why `path` is not a safe workspace-relative path, or undefined when it is. */
export function unsafePathReason(path: string): string | undefined {
  if (path.trim() === '') return 'is empty';
  if (path.includes('\0')) return 'contains a NUL character';
  if (/^[a-zA-Z]:/.test(path) || path.startsWith('/') || path.startsWith('\\')) return 'is absolute';
  if (path.includes('\\')) return 'uses "\\": write paths with "/"';
  if (path.split('/').some((part) => part === '..')) return 'goes outside the workspace with ".."';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return 'is a URI, not a workspace path';
  return undefined;
}

/** Normalises `./a//b` to `a/b`. Only call on paths that passed `unsafePathReason`. */
export function normalizeRelativePath(path: string): string {
  // Most paths have no empty or "." segment: nothing to do (and nothing to allocate).
  if (!/(?:^|\/)\.?(?:\/|$)/.test(path)) return path;
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
