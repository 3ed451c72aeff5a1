// The header a note gets in VS Code's own markdown preview (a markdown-it
// plugin): its title, kind and topics, read from the front matter that the
// preview otherwise hides. Note text is untrusted: everything is escaped,
// and the header is plain text in a few elements, with no link or script.

import type MarkdownIt from 'markdown-it';
import { parseNote } from '../notes/parseNote';
import { escapeHtml } from './html';

export interface NoteHeaderLabels {
  /** The kind as shown to the user (`Lesson`, `Lärdom`). */
  kind(kind: string): string;
  /** "Topics" in the user's language. */
  topics: string;
}

export interface NoteHeaderOptions {
  labels: NoteHeaderLabels;
  /** Whether the document being rendered is a note (by its location); `env` is markdown-it's render env. */
  isNote(env: unknown): boolean;
}

/** The header's HTML for a note's text, or '' when it is no note with a title. */
export function noteHeaderHtml(path: string, text: string, labels: NoteHeaderLabels): string {
  const { note } = parseNote(path, text);
  if (!note || !note.title) return '';
  const topics = note.topics.map((t) => `<code class="team-learnings-topic">${escapeHtml(t)}</code>`).join(' ');
  return (
    `<div class="team-learnings-note-header">` +
    `<h1>${escapeHtml(note.title)}</h1>` +
    `<p><strong>${escapeHtml(labels.kind(note.kind))}</strong>` +
    (note.topics.length ? ` · ${escapeHtml(labels.topics)}: ${topics}` : '') +
    `</p></div>\n`
  );
}

/** The markdown-it plugin: a header before the first token of a note that has front matter. */
export function noteHeaderPlugin(md: MarkdownIt, options: NoteHeaderOptions): MarkdownIt {
  md.core.ruler.push('team_learnings_note_header', (state) => {
    if (!/^\uFEFF?---[ \t]*\r?\n/.test(state.src)) return;
    const html = noteHeaderHtml('note.md', state.src, options.labels);
    if (!html) return;
    const token = new state.Token('team_learnings_note_header', '', 0);
    token.content = html;
    token.block = true;
    state.tokens.unshift(token);
  });
  // Whether the document is a note is known when it is rendered (VS Code's
  // preview names the document in the render env, not always in the parse env).
  // The content was escaped when it was made; nothing from the note reaches here unescaped.
  md.renderer.rules.team_learnings_note_header = (tokens, idx, _options, env) => (options.isNote(env) ? tokens[idx].content : '');
  return md;
}
