// Link policy for notes, which are untrusted (DESIGN.md section 7), enforced
// twice: markdown-it's `validateLink` decides what becomes a link at all
// (src/core/render/safeMarkdown.ts); the renderer checks again what it writes:
// - `http:`, `https:`, `mailto:`: a real `href`, with `rel="noopener noreferrer"`.
// - `#fragment`: an in-page `href`.
// - a relative path: a workspace file. No `href` (the webview would navigate
//   to it); `data-href` holds the workspace-relative path for a script to ask
//   the extension to open. `./x` and `../x` resolve against the note's folder,
//   `/x` against the workspace root, and a bare `src/x.ts` is workspace-relative,
//   as anchor paths are. A path that leaves the workspace is not a link.
// - anything else (`javascript:`, `data:`, `file:`, `command:`, `vscode:`,
//   protocol-relative `//host`, ...) is not a link: the source stays as text.
// Images are never loaded: an image becomes a link to its source, or its alt text.

import { unsafePathReason } from '../workspacePath';

export type HrefKind = 'external' | 'fragment' | 'relative' | 'blocked';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Browsers drop ASCII whitespace and control characters in a URL's scheme ("java\tscript:"). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;

/** What a link destination is under the policy above. */
export function hrefKind(url: string): HrefKind {
  const compact = String(url).replace(IGNORED_IN_URL, '');
  if (compact === '') return 'blocked';
  const scheme = SCHEME.exec(compact)?.[1].toLowerCase();
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme) ? 'external' : 'blocked';
  const decoded = safeDecode(compact).replace(IGNORED_IN_URL, '');
  // "javascript%3Aalert(1)" is a harmless relative path to a browser; refused anyway.
  if (SCHEME.test(decoded)) return 'blocked';
  // Protocol-relative ("//host"), and the backslash spellings browsers treat alike.
  if (/^[\\/][\\/]/.test(compact) || /^[\\/][\\/]/.test(decoded) || compact.startsWith('\\')) return 'blocked';
  if (compact.startsWith('#')) return 'fragment';
  return 'relative';
}

/** The allowlist as markdown-it's `validateLink`: what is not allowed does not become a link. */
export function isAllowedHref(url: string): boolean {
  return hrefKind(url) !== 'blocked';
}

/** An absolute `http(s):` or `mailto:` URL, the only links opened outside the editor. */
export function isExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 8192 || hrefKind(url) !== 'external') return false;
  try {
    const parsed = new URL(url);
    return ALLOWED_SCHEMES.has(parsed.protocol.slice(0, -1)) && (parsed.protocol === 'mailto:' || parsed.host !== '');
  } catch {
    return false;
  }
}

/**
 * The workspace-relative file a relative link points to, or undefined when
 * it is not a relative link or leaves the workspace. `notePath` is the note's
 * workspace-relative path, the base for `./` and `../`.
 */
export function resolveWorkspaceLink(href: string, notePath?: string): string | undefined {
  if (hrefKind(href) !== 'relative') return undefined;
  const target = safeDecode(href.replace(/[?#][\s\S]*$/, ''));
  if (target === '' || target.includes('\\') || target.includes('\0')) return undefined;
  let base: string[] = [];
  let rest = target;
  if (target.startsWith('/')) rest = target.slice(1);
  else if (/^\.\.?(\/|$)/.test(target) && notePath) base = notePath.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  const path = parts.join('/');
  return path === '' || unsafePathReason(path) ? undefined : path;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
