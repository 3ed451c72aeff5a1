// Note text written into markdown that someone else renders (the markdown
// digest, pasted into a wiki or an e-mail) or into VS Code labels: inert,
// so that nothing from a note becomes a link, an image, HTML or an icon.

/** Characters that start inline markup (links, images, HTML, emphasis, code, tables), backslash-escaped; `&` as an entity. */
const MARKDOWN_SPECIAL = /[\\`*_[\]()<>!|~$]/g;

/**
 * Plain text for a markdown document: no `[x](javascript:…)`,
 * `![p](https://…)`, `<img>`, autolink (`https://…`, `www.`) or entity
 * from the note is live; it reads as it was typed. Line ends become spaces.
 */
export function inertMarkdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    // Autolinks (GFM linkifies `https://…`, `www.…`, `mailto:…` in plain text): broken by an escape.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www|mailto|javascript|command|file|data|vscode)([.:])/gi, '$1\\$2');
}

/**
 * As inertMarkdownText, for a markdown document a person reads (the digest):
 * a code span of the note (`like this`) stays a code span. Inside one nothing
 * is markup (no link, HTML, entity or autolink), so its text goes as it is;
 * a backtick without its pair is escaped with the rest.
 */
export function inertMarkdownKeepingCode(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : inertMarkdownText(part)))
    .join('');
}

/** `$(name)` as text, not as an icon, in a MarkdownString with theme icons or in a CodeLens / tree label. */
export function escapeCodicons(text: string): string {
  return text.replace(/(\\)?\$\(([a-z0-9-]+?)(~[a-z0-9-]*?)?\)/gi, (match: string, escaped: string | undefined) => (escaped ? match : `\\${match}`));
}

/** `$(name)` or `$(name~modifier)`, as VS Code's renderer finds icons. */
const CODICON = /\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi;

/**
 * Note text for a MarkdownString with theme icons: `escapeMarkdown` for
 * the text, and each `$(name)` escaped as the renderer expects (`\$(name)`),
 * not through `escapeMarkdown`: that would make it `$\(name\)`, which
 * markdown turns back into `$(name)` and the renderer into an icon.
 */
export function inertMarkdownWithIcons(text: string, escapeMarkdown: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODICON)) {
    // Already escaped by its author (`\$(x)`): the backslash is text like any other.
    out += `${escapeMarkdown(text.slice(last, m.index))}\\${m[0]}`;
    last = m.index + m[0].length;
  }
  return out + escapeMarkdown(text.slice(last));
}

/** Marks and overrides that reorder text on screen (RLO, LRI, ALM, ...); U+202E would show `fdp.exe` as `exe.pdf`. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a plain label (CodeLens, tree item, hover title): each bidi
 * control shown as `\u202e`, so a title reads as it is stored, as the CLI
 * prints it.
 */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
