// The first lines of a note's body as markdown that is safe to hand to a
// markdown renderer we do not control (VS Code's hovers). The body is parsed
// with the safe markdown-it of ./markdown and written out again from its
// tokens, so nothing of the note reaches the output except:
// - text, with every ASCII punctuation character backslash-escaped (no
//   markup, entity, autolink or HTML can form from it);
// - emphasis, strong, strikethrough and code, which carry no URL;
// - links to `http:`, `https:` and `mailto:` URLs, percent-encoded.
// A link to a workspace path or a fragment becomes its text; a link the safe
// parser refuses (`command:`, `file:`, `javascript:`, `data:`, ...) stays its
// source, as escaped text, as in the preview; an image becomes its alt text.
// Nothing is loaded, nothing runs.

import type MarkdownIt from 'markdown-it';
import { createSafeMarkdown } from './safeMarkdown';
import { isExternalUrl } from './linkPolicy';

type Token = MarkdownIt.Token;

export interface ExcerptOptions {
  /** Lines of output at most (headings are skipped). Default 6. */
  maxLines?: number;
  /** Characters of text at most; the excerpt ends with "…" when cut. Default 600. */
  maxChars?: number;
}

/** Lines of the body read before parsing: an excerpt never parses a whole long note. */
const SOURCE_LINES = 60;

let md: MarkdownIt | undefined;

export function safeMarkdownExcerpt(body: string, options: ExcerptOptions = {}): string {
  const maxLines = Math.max(0, options.maxLines ?? 6);
  md ??= createSafeMarkdown();
  const source = body.split(/\r\n|\r|\n/, SOURCE_LINES).join('\n');
  const tokens = md.parse(source, {});
  const out: string[] = [];
  let budget = options.maxChars ?? 600;
  const prefixes: string[] = [];
  let marker = '';
  let inHeading = false;
  const prefix = () => {
    const p = prefixes.join('') + marker;
    marker = '';
    return p;
  };
  for (const t of tokens) {
    if (out.length >= maxLines || budget <= 0) break;
    switch (t.type) {
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'blockquote_open':
        prefixes.push('> ');
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        prefixes.push('');
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
        prefixes.pop();
        break;
      case 'list_item_open':
        // The marker goes on the item's first line only.
        marker = t.markup === '.' || t.markup === ')' ? `${Number(t.info) || 1}. ` : '- ';
        break;
      case 'inline': {
        if (inHeading) break;
        const rendered = renderInline(t.children ?? [], budget);
        if (rendered.chars === 0) break;
        budget -= rendered.chars;
        out.push(prefix() + rendered.text + (rendered.cut ? '…' : ''));
        break;
      }
      case 'fence':
      case 'code_block': {
        // A code block takes its fences and at least one line, or nothing.
        const room = maxLines - out.length - 2;
        if (room < 1) {
          budget = 0;
          break;
        }
        const shown = t.content.replace(/\n$/, '').split('\n').slice(0, room).map((l) => l.slice(0, 200));
        budget -= shown.join('').length;
        if (prefixes.length === 0 && marker === '') {
          // Inside a fence longer than any run of backticks in it, the code is only ever code.
          const fence = '`'.repeat(Math.max(3, longestRun(shown.join('\n'), '`') + 1));
          out.push(fence, ...shown, fence);
        } else {
          // In a list or a quote a fence would need the container's indentation: one code span a line instead.
          const first = prefix();
          const rest = prefixes.join('');
          shown.forEach((l, n) => out.push((n === 0 ? first : rest) + codeSpan(l)));
        }
        break;
      }
    }
  }
  return out.join('\n');
}

/** Inline tokens as safe markdown, within `budget` characters of text. */
function renderInline(children: Token[], budget: number): { text: string; chars: number; cut: boolean } {
  let text = '';
  let chars = 0;
  let cut = false;
  /** What is open, innermost last: emphasis marks, and links (`href` when written as a link, undefined when as text). */
  const open: Array<{ mark: string } | { href: string | undefined }> = [];
  const addText = (raw: string) => {
    let value = raw;
    if (chars + value.length > budget) {
      value = value.slice(0, Math.max(0, budget - chars));
      cut = true;
    }
    chars += value.length;
    text += escapeText(value);
  };
  const close = (item: { mark: string } | { href: string | undefined }) => {
    if ('mark' in item) text += item.mark;
    // The URL is written by us, percent-encoded: it cannot end the link early or start another.
    else if (item.href !== undefined) text += `](<${encodeUrl(item.href)}>)`;
  };
  for (const t of children) {
    if (cut) break;
    switch (t.type) {
      case 'text':
        addText(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        addText(' ');
        break;
      case 'code_inline': {
        const content = t.content.replace(/[\r\n]+/g, ' ');
        if (content === '') break;
        const shown = content.slice(0, Math.max(0, budget - chars));
        cut = shown.length < content.length;
        chars += shown.length;
        text += codeSpan(shown);
        break;
      }
      case 'strong_open':
      case 'em_open':
      case 's_open': {
        const mark = t.type === 'strong_open' ? '**' : t.type === 'em_open' ? '*' : '~~';
        text += mark;
        open.push({ mark });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close': {
        const item = open.pop();
        if (item) close(item);
        break;
      }
      case 'link_open': {
        const href = t.attrGet('href') ?? '';
        const external = isExternalUrl(href);
        if (external) text += '[';
        open.push({ href: external ? href : undefined });
        break;
      }
      case 'image':
        // Never loaded: its alt text only.
        addText(t.content);
        break;
      default:
        if (t.content) addText(t.content);
    }
  }
  // Close what a cut left open, so nothing runs into the next line.
  while (open.length > 0) close(open.pop()!);
  return { text, chars, cut };
}

/** Every ASCII punctuation character escaped: CommonMark allows it for all of them, and none then means markup. */
export function escapeText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

function encodeUrl(url: string): string {
  // Already encoded by markdown-it; these would end the `<...>` destination or the line.
  return url.replace(/[\s<>\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** `text` as a code span: no markup inside it is read. */
function codeSpan(text: string): string {
  if (text === '') return '';
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.trim() === '' ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
