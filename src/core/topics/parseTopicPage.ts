// Parses a topic page (`.learnings/topics/<slug>.md`): title, ambassadors,
// aliases and the description in its body.

import { isMap, isScalar, isSeq, LineCounter } from 'yaml';
import { parseFrontMatterYaml } from '../notes/yamlBudget';
import { splitFrontMatter } from '../notes/frontMatter';
import type { Problem, TopicPage } from '../model';
import { isTopicSlug } from '../notes/slug';
import { describeYamlError } from '../notes/yamlErrors';
import { capProblems } from '../notes/parseNote';

export interface ParsedTopicPage {
  page?: TopicPage;
  problems: Problem[];
}

/** `topicsDir` is the workspace-relative folder of topic pages, e.g. `.learnings/topics`. */
export function topicSlugFromPath(path: string, topicsDir: string): string | undefined {
  const prefix = `${topicsDir}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.md')) return undefined;
  return path.slice(prefix.length, -'.md'.length);
}

export function parseTopicPage(path: string, text: string, topicsDir: string): ParsedTopicPage {
  const problems: Problem[] = [];
  const slug = topicSlugFromPath(path, topicsDir) ?? '';
  if (!isTopicSlug(slug)) {
    return { problems: [{ file: path, severity: 'error', message: `"${slug}" is not a topic slug: name topic pages in lowercase letters, digits and "-"` }] };
  }
  const split = splitFrontMatter(text);
  if (!split.ok) {
    // A page without front matter is still a description.
    if (split.message.startsWith('no front matter')) {
      return { page: { slug, path, ambassadors: [], aliases: [], description: text.replace(/^\ufeff/, '').trim() }, problems };
    }
    return { problems: [{ file: path, line: split.line, severity: 'error', message: split.message }] };
  }
  const { yaml, yamlLine, body } = split.value;
  const lineCounter = new LineCounter();
  const doc = parseFrontMatterYaml(yaml, lineCounter);
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + yamlLine - 1;
  if (doc.errors.length > 0) {
    const described = describeYamlError(doc.errors[0], yaml);
    return { problems: [{ file: path, line: lineOf(described.offset), severity: 'error', message: described.message }] };
  }
  const map = doc.contents;
  if (map !== null && !isMap(map)) {
    return { problems: [{ file: path, line: yamlLine, severity: 'error', message: 'front matter must be a map of fields (title: ..., ambassadors: [...])' }] };
  }
  const list = (key: string): string[] => {
    const node = map?.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (isSeq(node)) {
      const values = node.items.filter(isScalar).map((item) => String(item.value));
      if (values.length === node.items.length) return values;
    }
    problems.push({ file: path, line: lineOf(isScalar(node) || isSeq(node) ? node.range?.[0] : undefined), severity: 'error', message: `${key} must be a list of text, like [a, b]` });
    return [];
  };
  const titleNode = map?.get('title', true);
  const title = isScalar(titleNode) && titleNode.value !== null ? String(titleNode.value).trim() : undefined;
  const aliases = list('aliases').filter((alias) => {
    if (isTopicSlug(alias)) return true;
    const aliasesNode = map?.get('aliases', true);
    const line = lineOf(isSeq(aliasesNode) ? aliasesNode.range?.[0] : undefined);
    problems.push({ file: path, line, severity: 'error', message: `alias "${oneLine(alias)}" is not a topic slug` });
    return false;
  });
  return {
    page: { slug, path, title, ambassadors: list('ambassadors'), aliases, description: body.trim() },
    problems: capProblems(path, problems),
  };
}

/** A value quoted in a message: one line, and short. */
function oneLine(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- a message is one line: control characters become spaces
  const line = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
