// Splits a markdown file into its YAML front matter and body without
// touching a byte: positions are offsets into the original text, so an edit
// can splice the original and keep everything else (CRLF, BOM, comments).

export interface FrontMatterSplit {
  /** The YAML between the fences, exactly as in the file. */
  yaml: string;
  /** Offset of `yaml` in the original text. */
  yamlOffset: number;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** Offset just past the closing fence line. */
  bodyOffset: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  eol: '\n' | '\r\n';
  hasBom: boolean;
}

export type SplitResult =
  | { ok: true; value: FrontMatterSplit }
  | { ok: false; message: string; line?: number };

const FENCE = /^---[ \t]*$/;

export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function splitFrontMatter(text: string): SplitResult {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const start = hasBom ? 1 : 0;
  const firstEnd = lineEnd(text, start);
  const firstLine = stripCr(text.slice(start, firstEnd));
  if (!FENCE.test(firstLine)) {
    if (/^---[ \t]*\r/.test(firstLine)) {
      return { ok: false, message: 'lines end with CR only (classic Mac): save the file with LF or CRLF line ends', line: 1 };
    }
    return { ok: false, message: 'no front matter: the file must start with a line "---"', line: 1 };
  }
  const yamlOffset = nextLine(text, firstEnd);
  let pos = yamlOffset;
  let line = 2;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const content = stripCr(text.slice(pos, end));
    if (FENCE.test(content) || content === '...') {
      const bodyOffset = nextLine(text, end);
      return {
        ok: true,
        value: {
          yaml: text.slice(yamlOffset, pos),
          yamlOffset,
          yamlLine: 2,
          bodyOffset,
          body: text.slice(bodyOffset),
          bodyLine: line + 1,
          eol: detectEol(text),
          hasBom,
        },
      };
    }
    pos = nextLine(text, end);
    line++;
  }
  return { ok: false, message: 'front matter is never closed: no second "---" line', line: 1 };
}

/**
 * The first line whose end differs from the first line's (CRLF against LF),
 * or undefined when every line ends alike. A last line without an end does not count.
 */
export function mixedLineEndLine(text: string): { line: number; eol: 'CRLF' | 'LF' } | undefined {
  let i = text.indexOf('\n');
  if (i < 0) return undefined;
  const crlf = i > 0 && text[i - 1] === '\r';
  let line = 1;
  while (i >= 0) {
    if ((i > 0 && text[i - 1] === '\r') !== crlf) return { line, eol: crlf ? 'LF' : 'CRLF' };
    i = text.indexOf('\n', i + 1);
    line++;
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

function nextLine(text: string, end: number): number {
  return end < text.length ? end + 1 : end;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
