// A note as a page (the preview, the dashboard's note view): header (title,
// kind, meta, plan, topics), anchors with their status, and the body through
// the safe markdown engine. Every label can be translated by the caller.

import type MarkdownIt from 'markdown-it';
import type { AnchorResolution } from '../anchors/resolution';
import { KNOWN_KINDS, formatLines, type Note } from '../model';
import { kindLabelOf } from '../notes/kinds';
import { escapeHtml } from './html';
import { createSafeMarkdown, type RenderedLinks, type SafeMarkdownEnv } from './safeMarkdown';

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
