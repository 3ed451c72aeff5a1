// What an editor offers while a note's front matter is typed: which field the
// cursor is in and the values that field takes (completion), and where the
// anchor paths are (links to the code). Decided here, once, from the text
// alone: the extension only turns the answers into VS Code objects.

import { splitFrontMatter } from './frontMatter';
import { KNOWN_KINDS } from '../model';
import { PLAN_STATUSES } from './parseNote';
import { unsafePathReason } from '../workspacePath';

export type AssistedField = 'kind' | 'status' | 'goal' | 'topics';

export interface FieldAtCursor {
  field: AssistedField;
  /** What is typed of the value so far, up to the cursor. */
  prefix: string;
  /** 0-based character range on the cursor's line that a chosen value replaces. */
  start: number;
  end: number;
  /** For `topics`: the topics already on the note, not offered again. */
  present: string[];
}

export interface CompletionValue {
  value: string;
  /** Extra words shown beside the value (a topic's title, a kind's meaning). */
  detail?: string;
}

export interface AssistSources {
  /** Known topic slugs (with their titles where described). */
  topics?: CompletionValue[];
  /** Known goal slugs. */
  goals?: CompletionValue[];
}

const SCALAR_FIELD = /^(kind|status|goal)[ \t]*:[ \t]*(['"]?)([^'"#]*)$/;
const TOPICS_INLINE = /^topics[ \t]*:[ \t]*(.*)$/;
const LIST_ITEM = /^([ \t]*)-[ \t]+(['"]?)([^'"#,]*)$/;
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:/;

/** The 0-based lines of the YAML between the fences, or undefined when the text has no closed front matter. */
function yamlLines(text: string): { first: number; last: number; lines: string[] } | undefined {
  const split = splitFrontMatter(text);
  if (!split.ok) return undefined;
  const lines = text.split(/\r?\n/);
  // yamlLine and bodyLine are 1-based; the closing fence is on bodyLine - 1.
  return { first: split.value.yamlLine - 1, last: split.value.bodyLine - 3, lines };
}

/** The assisted field the cursor is in (0-based line and character), or undefined. */
export function fieldAt(text: string, line: number, character: number): FieldAtCursor | undefined {
  const yaml = yamlLines(text);
  if (!yaml || line < yaml.first || line > yaml.last) return undefined;
  const full = yaml.lines[line] ?? '';
  const before = full.slice(0, character);

  const scalar = SCALAR_FIELD.exec(before);
  if (scalar) {
    const prefix = scalar[3].trimStart();
    const start = character - prefix.length;
    return { field: scalar[1] as AssistedField, prefix, start, end: valueEnd(full, start), present: [] };
  }

  const inline = TOPICS_INLINE.exec(before);
  if (inline) {
    const rest = inline[1];
    if (rest.startsWith('[')) {
      const inside = rest.slice(1);
      if (inside.includes(']')) return undefined;
      const parts = inside.split(',');
      const prefix = parts[parts.length - 1].trimStart().replace(/^['"]/, '');
      const start = character - prefix.length;
      const present = parts.slice(0, -1).map(cleanItem).filter(Boolean);
      const after = full.slice(character);
      const tail = /^[^,\]]*/.exec(after)?.[0] ?? '';
      const presentAfter = after.slice(tail.length).replace(/^[,\s]*/, '').replace(/\].*$/, '').split(',').map(cleanItem).filter(Boolean);
      return { field: 'topics', prefix, start, end: character + tail.replace(/['"\s]+$/, '').length, present: [...present, ...presentAfter] };
    }
    // `topics: pay|` (one topic, as Obsidian writes it) is a topic too.
    if (!rest.includes(',')) {
      const prefix = rest.replace(/^['"]/, '');
      const start = character - prefix.length;
      return { field: 'topics', prefix, start, end: valueEnd(full, start), present: [] };
    }
    return undefined;
  }

  const item = LIST_ITEM.exec(before);
  if (item) {
    // A list item belongs to the nearest key above it with less indent.
    for (let l = line - 1; l >= yaml.first; l--) {
      const above = yaml.lines[l];
      if (/^[ \t]*(#.*)?$/.test(above) || LIST_ITEM.test(above) || /^[ \t]*-[ \t]/.test(above)) continue;
      const key = KEY_LINE.exec(above);
      if (!key || key[1] !== 'topics') return undefined;
      const present: string[] = [];
      for (let k = l + 1; k <= yaml.last; k++) {
        if (k === line) continue;
        const m = /^[ \t]*-[ \t]+(.*)$/.exec(yaml.lines[k]);
        if (!m) {
          if (k > line) break;
          continue;
        }
        const v = cleanItem(m[1]);
        if (v) present.push(v);
      }
      const prefix = item[3];
      const start = character - prefix.length;
      return { field: 'topics', prefix, start, end: valueEnd(full, start), present };
    }
  }
  return undefined;
}

/** The values a field takes, best first, without those already present; never throws. */
export function valuesFor(context: FieldAtCursor, sources: AssistSources = {}): CompletionValue[] {
  const all: CompletionValue[] =
    context.field === 'kind'
      ? KNOWN_KINDS.map((value) => ({ value }))
      : context.field === 'status'
        ? PLAN_STATUSES.map((value) => ({ value }))
        : context.field === 'goal'
          ? (sources.goals ?? [])
          : (sources.topics ?? []);
  const present = new Set(context.present);
  return all.filter((v) => !present.has(v.value));
}

export interface AnchorPathSpan {
  /** 0-based line, and the 0-based character range of the path on it. */
  line: number;
  start: number;
  end: number;
  /** The workspace-relative path as written. */
  path: string;
}

/** Every `path:` of an anchor in the front matter that is a safe workspace-relative path. */
export function anchorPathSpans(text: string): AnchorPathSpan[] {
  const yaml = yamlLines(text);
  if (!yaml) return [];
  const spans: AnchorPathSpan[] = [];
  let inAnchors = false;
  for (let l = yaml.first; l <= yaml.last; l++) {
    const line = yaml.lines[l];
    const key = KEY_LINE.exec(line);
    if (key) {
      inAnchors = key[1] === 'anchors';
      continue;
    }
    if (!inAnchors) continue;
    const m = /^([ \t]*(?:-[ \t]+)?path[ \t]*:[ \t]*)(['"]?)([^'"#]*?)\2[ \t]*(#.*)?$/.exec(line);
    if (!m || !m[3]) continue;
    const path = m[3].trim();
    if (unsafePathReason(path)) continue;
    const start = m[1].length + m[2].length;
    spans.push({ line: l, start, end: start + path.length, path });
  }
  return spans;
}

function cleanItem(value: string): string {
  return value.trim().replace(/^['"]|['"]$/g, '').trim();
}

/** Where a scalar value ends on its line: before a closing quote or a comment. */
function valueEnd(line: string, start: number): number {
  const rest = line.slice(start);
  const m = /^[^'"#]*/.exec(rest)?.[0] ?? '';
  return start + m.replace(/[ \t]+$/, '').length;
}
