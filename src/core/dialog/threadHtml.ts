// A note's thread as HTML for the preview, under its strict CSP: each reply
// with who and when, its body through the safe markdown engine (as the note's),
// and a form to reply, resolve or reopen. Buttons post messages; nothing runs
// from the replies' text.

import type MarkdownIt from 'markdown-it';
import { escapeHtml } from '../render/html';
import type { RenderedLinks, SafeMarkdownEnv } from '../render/safeMarkdown';
import type { Thread } from './thread';

export interface ThreadLabels {
  replies: string;
  state(state: Thread['state']): string;
  noReplies: string;
  resolved: string;
  reopened: string;
  unknown: string;
  placeholder: string;
  reply: string;
  resolve: string;
  reopen: string;
}

export const ENGLISH_THREAD_LABELS: ThreadLabels = {
  replies: 'Replies',
  state: (s) => (s === 'resolved' ? 'Thread: resolved' : 'Thread: open'),
  noReplies: 'No replies yet.',
  resolved: 'resolved',
  reopened: 'reopened',
  unknown: 'unknown',
  placeholder: 'Write a reply…',
  reply: 'Reply',
  resolve: 'Resolve',
  reopen: 'Reopen',
};

/** The most a reply typed in the preview may hold (a message is checked against it too). */
export const MAX_REPLY_CHARS = 20_000;

export function renderThreadHtml(thread: Thread, md: MarkdownIt, options: { labels?: ThreadLabels; links?: RenderedLinks; imageLabel?: string } = {}): string {
  const l = options.labels ?? ENGLISH_THREAD_LABELS;
  const e = escapeHtml;
  const out: string[] = [`<section class="thread" data-thread-state="${thread.state}">`, `<h2 class="thread-title">${e(l.replies)}</h2>`];
  if (thread.replies.length === 0) out.push(`<p class="thread-empty">${e(l.noReplies)}</p>`);
  else out.push(`<p class="thread-state">${e(l.state(thread.state))}</p>`);
  for (const r of thread.replies) {
    const env: SafeMarkdownEnv = { notePath: r.path, links: options.links, imageLabel: options.imageLabel };
    const mark = r.resolved === true ? ` · <span class="reply-resolved">${e(l.resolved)}</span>` : r.resolved === false ? ` · <span class="reply-reopened">${e(l.reopened)}</span>` : '';
    out.push(
      `<article class="reply" data-reply="${e(r.path)}">`,
      `<header class="reply-meta"><strong class="reply-author">${e(r.author ?? l.unknown)}</strong>${r.created ? ` · <time>${e(r.created)}</time>` : ''}${mark}</header>`,
      `<div class="reply-body">\n${md.render(r.body, env)}</div>`,
      '</article>',
    );
  }
  const toggle = thread.state === 'open' ? `<button type="button" data-action="resolve">${e(l.resolve)}</button>` : thread.state === 'resolved' ? `<button type="button" data-action="reopen">${e(l.reopen)}</button>` : '';
  out.push(
    '<div class="reply-form">',
    `<textarea class="reply-text" data-reply-text rows="3" maxlength="${MAX_REPLY_CHARS}" placeholder="${e(l.placeholder)}" aria-label="${e(l.placeholder)}"></textarea>`,
    `<div class="reply-actions"><button type="button" data-action="reply">${e(l.reply)}</button>${toggle}</div>`,
    '</div>',
    '</section>',
  );
  return out.join('\n');
}
