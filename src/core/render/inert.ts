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

/** `$(name)` as text, not as an icon, in a MarkdownString with theme icons or in a CodeLens / tree label. */
export function escapeCodicons(text: string): string {
  return text.replace(/(\\)?\$\(([a-z0-9-]+?)(~[a-z0-9-]*?)?\)/gi, (match: string, escaped: string | undefined) => (escaped ? match : `\\${match}`));
}
