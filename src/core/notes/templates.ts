// Built-in body templates, one per kind (DESIGN.md section 2). A file
// `.learnings/templates/<kind>.md` in the repo overrides the built-in one.

import { decodeText, type FileSystem } from '../fileSystem';
import type { Layout } from '../layout';
import { kindInfo, NOTE_KINDS } from './kinds';

export function builtInTemplate(kind: string): string {
  const sections = (kindInfo(kind) ?? NOTE_KINDS.lesson).sections;
  // One line end at the end of the file, as formatters want it.
  return sections.map((heading) => `## ${heading}\n`).join('\n');
}

export interface TemplateValues {
  title: string;
  author?: string;
  date: string;
}

/**
 * The body for a new note of `kind`. `allowRepoTemplates` is false in an
 * untrusted workspace: then only built-in templates are used.
 */
export async function loadTemplate(fs: FileSystem, layout: Layout, kind: string, values: TemplateValues, allowRepoTemplates = true): Promise<string> {
  let template = builtInTemplate(kind);
  if (allowRepoTemplates && /^[a-z0-9-]+$/.test(kind)) {
    const path = `${layout.templatesDir}/${kind}.md`;
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat?.type === 'file' && stat.size < 64 * 1024) {
      // A templates folder through a symlink out of the workspace is refused by the file system: the built-in one is used.
      const bytes = await fs.readFile(path).catch(() => undefined);
      if (bytes) template = decodeText(bytes).replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    }
  }
  // Function replacers: `$&`, `$'` or `$\`` in a title is text, not a replacement pattern.
  return template
    .replace(/\{\{\s*title\s*\}\}/g, () => values.title)
    .replace(/\{\{\s*author\s*\}\}/g, () => values.author ?? '')
    .replace(/\{\{\s*date\s*\}\}/g, () => values.date);
}
