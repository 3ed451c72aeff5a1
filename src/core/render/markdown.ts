// Notes are untrusted content (DESIGN.md section 7): this is the one place
// that turns a note into HTML, for the preview, hovers, the dashboard and the
// HTML digest. Nothing from a note reaches the output unescaped, no link can
// run script or a command, and no remote resource is referenced.
//
// Link policy, enforced twice (markdown-it's `validateLink` decides what
// becomes a link at all; the renderer checks again what it writes):
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
//
// Linkify is on with fuzzy matching off, as VS Code's own preview does for
// untrusted workspaces: a pasted `https://...` becomes a link (the policy
// above still applies), while words like `example.com` or `file.ts` are not
// guessed into links.

import MarkdownIt from 'markdown-it';
import type { AnchorResolution } from '../anchors/resolution';
import { unsafePathReason } from '../anchors/anchorPath';
import { KNOWN_KINDS, formatLines, type Note } from '../model';
import { kindLabelOf } from '../notes/kinds';

type Token = MarkdownIt.Token;
type RenderRule = NonNullable<MarkdownIt.Renderer.RenderRuleRecord['text']>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// ---------------------------------------------------------------------------
// Links

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

// ---------------------------------------------------------------------------
// markdown-it

/** Links met while rendering, so a caller can open only what the note contains. */
export interface RenderedLinks {
  external: Set<string>;
  workspace: Set<string>;
}

/** The `env` the safe renderer reads: pass it as markdown-it's second argument. */
export interface SafeMarkdownEnv {
  /** Workspace-relative path of the note, the base of `./` and `../` links. */
  notePath?: string;
  /** Filled with every link written. */
  links?: RenderedLinks;
  /** The visible tag before an image's alt text. Default "Image". */
  imageLabel?: string;
}

/** A markdown-it instance for untrusted notes (see the policy at the top of this file). */
export function createSafeMarkdown(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.validateLink = isAllowedHref;
  md.renderer.rules.link_open = renderLinkOpen;
  md.renderer.rules.image = renderImage;
  // Unreachable with `html: false`; kept as text should someone turn it on.
  md.renderer.rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx].content)}</p>\n`;
  md.renderer.rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx].content);
  return md;
}

const renderLinkOpen: RenderRule = (tokens, idx, options, env: SafeMarkdownEnv, self) => {
  const token = tokens[idx];
  const href = token.attrGet('href') ?? '';
  const title = token.attrGet('title');
  token.attrs = linkAttrs(href, env);
  if (title) token.attrPush(['title', title]);
  else if (token.attrGet('data-href')) token.attrPush(['title', token.attrGet('data-href')!]);
  return self.renderToken(tokens, idx, options);
};

/** The attributes of a link to `href`: only ever `href` with an allowed URL, never an event handler. */
function linkAttrs(href: string, env: SafeMarkdownEnv = {}): [string, string][] {
  switch (hrefKind(href)) {
    case 'external':
      env.links?.external.add(href);
      return [
        ['href', href],
        ['rel', 'noopener noreferrer'],
      ];
    case 'fragment':
      return [['href', href]];
    case 'relative': {
      const path = resolveWorkspaceLink(href, env.notePath);
      if (path === undefined) break;
      env.links?.workspace.add(path);
      return [
        ['class', 'workspace-link'],
        ['data-href', path],
        ['role', 'link'],
        ['tabindex', '0'],
      ];
    }
    case 'blocked':
      break;
  }
  return [['class', 'link-blocked']];
}

const renderImage: RenderRule = (tokens, idx, options, env: SafeMarkdownEnv, self) => {
  const token: Token = tokens[idx];
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const title = token.attrGet('title');
  const attrs = linkAttrs(src, env);
  const isLink = attrs.some(([name]) => name === 'href' || name === 'data-href');
  const classes = ['image-link', ...attrs.filter(([name]) => name === 'class').map(([, value]) => value)];
  const rest = attrs.filter(([name]) => name !== 'class');
  if (title) rest.push(['title', title]);
  const attrText = [['class', classes.join(' ')], ...rest].map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const label = `<span class="image-label">${escapeHtml(env.imageLabel ?? 'Image')}</span> `;
  const text = escapeHtml(alt || (isLink ? src : ''));
  return isLink ? `<a${attrText}>${label}${text}</a>` : `<span class="image-alt">${label}${text}</span>`;
};

// ---------------------------------------------------------------------------
// A note page

export interface NoteLabels {
  /** The kind badge: "Lesson", "Action plan", ...; unknown kinds as written. */
  kind(kind: string): string;
  /** "Endorsed by {names}". */
  endorsedBy(names: string): string;
  status: string;
  /** A plan's status value: "open", "done", "dropped"; others as written. */
  planStatus(status: string): string;
  owner: string;
  review: string;
  topics: string;
  anchors: string;
  /** The status mark beside an anchor: "fresh", "moved to src/b.ts:3-9", "drifted, 82% similar", "orphaned". */
  anchorStatus(resolution: AnchorResolution): string;
  endorse: string;
  withdraw: string;
  image: string;
}

export const DEFAULT_LABELS: NoteLabels = {
  kind: (kind) => kindLabelOf(kind),
  endorsedBy: (names) => `Endorsed by ${names}`,
  status: 'Status',
  planStatus: (status) => status,
  owner: 'Owner',
  review: 'Next check-in',
  topics: 'Topics',
  anchors: 'Code',
  anchorStatus: (r) => {
    switch (r.status) {
      case 'moved':
        return r.lines ? `moved to ${r.path}:${formatLines(r.lines)}` : 'moved';
      case 'drifted':
        return r.similarity !== undefined ? `drifted, ${Math.round(r.similarity * 100)}% similar` : 'drifted';
      default:
        return r.status;
    }
  },
  endorse: 'Endorse',
  withdraw: 'Withdraw Endorsement',
  image: 'Image',
};

export interface RenderNoteOptions {
  /** A markdown-it from `createSafeMarkdown()`, to reuse across notes. */
  md?: MarkdownIt;
  /** Where each anchor is now, by anchor index; an anchor without one gets no status mark. */
  anchors?: ReadonlyArray<AnchorResolution | undefined>;
  labels?: Partial<NoteLabels>;
  /** Adds an endorse button (`data-action="endorse"`) to the header; `'withdraw'` when the reader endorsed the note. */
  endorseButton?: boolean | 'endorse' | 'withdraw';
  /** Filled with every link in the body. */
  links?: RenderedLinks;
}

const PLAN_STATUSES = new Set(['open', 'done', 'dropped']);
const ANCHOR_STATUSES = new Set(['fresh', 'moved', 'drifted', 'orphaned']);
const SEP = '<span class="sep" aria-hidden="true"> · </span>';

let sharedMd: MarkdownIt | undefined;

/** The inner HTML of a note page: header (title, kind, meta, plan, topics), anchors, body. */
export function renderNoteHtml(note: Note, options: RenderNoteOptions = {}): string {
  const labels: NoteLabels = { ...DEFAULT_LABELS, ...options.labels };
  const md = options.md ?? (sharedMd ??= createSafeMarkdown());
  const env: SafeMarkdownEnv = { notePath: note.path, links: options.links, imageLabel: labels.image };
  const parts = [
    '<header class="note-header">',
    '<div class="note-title-row">',
    `<h1 class="note-title">${escapeHtml(note.title)}</h1>`,
    options.endorseButton === 'withdraw'
      ? `<button type="button" class="endorse withdraw" data-action="withdraw">${escapeHtml(labels.withdraw)}</button>`
      : options.endorseButton
        ? `<button type="button" class="endorse" data-action="endorse">${escapeHtml(labels.endorse)}</button>`
        : '',
    '</div>',
    renderMeta(note, labels),
    renderPlan(note, labels),
    renderTopics(note, labels),
    '</header>',
    renderAnchors(note, options.anchors ?? [], labels),
    `<article class="note-body">\n${md.render(note.body ?? '', env)}</article>`,
  ];
  return parts.filter((p) => p !== '').join('\n');
}

function renderMeta(note: Note, labels: NoteLabels): string {
  const kindClass = (KNOWN_KINDS as readonly string[]).includes(note.kind) ? note.kind : 'other';
  const items = [`<span class="kind kind-${kindClass}" data-kind="${escapeHtml(note.kind)}">${escapeHtml(labels.kind(note.kind))}</span>`];
  if (note.author) items.push(`<span class="author">${escapeHtml(note.author)}</span>`);
  if (note.created) items.push(`<time class="created" datetime="${escapeHtml(note.created)}">${escapeHtml(note.created)}</time>`);
  if (note.endorsed.length > 0) items.push(`<span class="endorsed">${escapeHtml(labels.endorsedBy(note.endorsed.join(', ')))}</span>`);
  return `<p class="note-meta">${items.join(SEP)}</p>`;
}

function renderPlan(note: Note, labels: NoteLabels): string {
  if (note.kind !== 'plan' && note.status === undefined && note.owner === undefined && note.review === undefined) return '';
  const items: string[] = [];
  const status = note.status ?? (note.kind === 'plan' ? 'open' : undefined);
  if (status !== undefined) {
    const cls = PLAN_STATUSES.has(status) ? status : 'other';
    items.push(`<span class="plan-status plan-status-${cls}">${escapeHtml(labels.status)}: ${escapeHtml(labels.planStatus(status))}</span>`);
  }
  if (note.owner) items.push(`<span class="plan-owner">${escapeHtml(labels.owner)}: ${escapeHtml(note.owner)}</span>`);
  if (note.review) items.push(`<span class="plan-review">${escapeHtml(labels.review)}: <time datetime="${escapeHtml(note.review)}">${escapeHtml(note.review)}</time></span>`);
  return items.length > 0 ? `<p class="note-plan">${items.join(SEP)}</p>` : '';
}

function renderTopics(note: Note, labels: NoteLabels): string {
  if (note.topics.length === 0) return '';
  const chips = note.topics.map((t) => `<button type="button" class="chip" data-topic="${escapeHtml(t)}">${escapeHtml(t)}</button>`);
  return `<nav class="note-topics" aria-label="${escapeHtml(labels.topics)}">${chips.join('')}</nav>`;
}

function renderAnchors(note: Note, resolutions: ReadonlyArray<AnchorResolution | undefined>, labels: NoteLabels): string {
  if (note.anchors.length === 0) return '';
  const items = note.anchors.map((anchor, i) => {
    const where = `${anchor.path}:${formatLines(anchor.lines)}`;
    const link = `<a class="anchor-link" data-anchor="${i}" role="link" tabindex="0">${escapeHtml(where)}</a>`;
    const r = resolutions[i];
    if (!r || !ANCHOR_STATUSES.has(r.status)) return `<li class="anchor">${link}</li>`;
    const mark = `<span class="anchor-status">${escapeHtml(labels.anchorStatus(r))}</span>`;
    return `<li class="anchor anchor-${r.status}">${link} ${mark}</li>`;
  });
  return `<section class="note-anchors" aria-label="${escapeHtml(labels.anchors)}">\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
}
