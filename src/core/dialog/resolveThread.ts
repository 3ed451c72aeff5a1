// Resolving and reopening a thread change the latest reply's `resolved`
// field and nothing else: the value's bytes when the field is there, one
// line at the end of the front matter when it is not, and, when reopening
// undoes a resolve that line is removed again, so the file is as it was.

import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { splitFrontMatter } from '../notes/frontMatter';
import { parseFrontMatterYaml } from '../notes/yamlBudget';
import { describeYamlError } from '../notes/yamlErrors';
import { NoteEditError } from '../notes/noteEditor';
import type { FileChange } from '../writes/applyChanges';
import { threadState, type Thread } from './thread';

/** Sets (`true`/`false`) or removes (`undefined`) a reply's `resolved` field, as a minimal splice. */
export function setResolvedField(text: string, value: boolean | undefined): string {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new NoteEditError(split.message);
  const { yaml, yamlOffset, eol } = split.value;
  const doc = parseFrontMatterYaml(yaml);
  if (doc.errors.length > 0) throw new NoteEditError(describeYamlError(doc.errors[0], yaml).message);
  if (!isMap(doc.contents)) throw new NoteEditError('front matter is not a map of fields');
  const map = doc.contents as YAMLMap;
  const pair = (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'resolved');
  const splice = (start: number, end: number, insert: string) => text.slice(0, yamlOffset + start) + insert + text.slice(yamlOffset + end);
  let next: string;
  if (pair) {
    const keyStart = (pair.key as Node).range![0];
    const valueNode = pair.value as Node | null;
    if (value === undefined) {
      const lineStart = yaml.lastIndexOf('\n', keyStart - 1) + 1;
      const valueEnd = valueNode?.range?.[1] ?? (pair.key as Node).range![1];
      const nl = yaml.indexOf('\n', valueEnd);
      next = splice(lineStart, nl < 0 ? yaml.length : nl + 1, '');
    } else if (isScalar(valueNode) && valueNode.range) {
      if (valueNode.value === value) return text;
      next = splice(valueNode.range[0], valueNode.range[1], String(value));
    } else {
      throw new NoteEditError('resolved is not a single value');
    }
  } else {
    if (value === undefined) return text;
    const at = yaml.length;
    const needsEol = at > 0 && yaml[at - 1] !== '\n';
    next = splice(at, at, `${needsEol ? eol : ''}resolved: ${value}${eol}`);
  }
  const check = splitFrontMatter(next);
  const reread = check.ok ? parseFrontMatterYaml(check.value.yaml) : undefined;
  if (!reread || reread.errors.length > 0 || !isMap(reread.contents) || (reread.contents as YAMLMap).get('resolved') !== value) {
    throw new NoteEditError('the change to resolved would break the front matter; nothing was changed');
  }
  return next;
}

/**
 * The one file change that gives the thread the wanted state: on its latest
 * reply. Undefined when it has that state already; an error when there is
 * no reply to resolve. Reopening removes a `resolved: true` the latest reply
 * holds when the thread is then open (resolve, then reopen: the file as it
 * was), else writes `resolved: false`.
 */
export function planResolve(thread: Thread, resolve: boolean, readText: (path: string) => string): FileChange | undefined {
  const latest = thread.replies[thread.replies.length - 1];
  if (!latest) throw new NoteEditError('the thread has no reply yet: write one to resolve it');
  if ((thread.state === 'resolved') === resolve) return undefined;
  const before = readText(latest.path);
  let value: boolean | undefined = resolve;
  if (!resolve && latest.resolved === true && threadState([...thread.replies.slice(0, -1), { ...latest, resolved: undefined }]) === 'open') value = undefined;
  const after = setResolvedField(before, value);
  return after === before ? undefined : { path: latest.path, before, after };
}
