// The l10n scanner, shared by scripts/l10n.mjs and the unit test: finds every
// `l10n.t(...)` message in the sources with the TypeScript parser, and flags
// any call whose message is not a literal, so nothing escapes translation.

import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folder scanned for `l10n.t(...)`, relative to the repository root. */
export const SOURCE_DIR = 'src';
/** The English bundle; translations sit beside it as bundle.l10n.<lang>.json. */
export const BUNDLE_FILE = 'l10n/bundle.l10n.json';
/** The languages shipped besides English. */
export const LANGUAGES = ['sv', 'nb', 'da'];

/** `l10n` as in `vscode.l10n` or a named import `l10n`. */
function isL10n(node) {
  return (ts.isIdentifier(node) && node.text === 'l10n') || (ts.isPropertyAccessExpression(node) && node.name.text === 'l10n');
}

function literalText(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** The bundle key and entry for `l10n.t({ message, comment, args })`, or a reason it is not one. */
function objectForm(node) {
  let message;
  let comment;
  for (const prop of node.properties) {
    if (!ts.isPropertyAssignment(prop) || !prop.name || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
      if (ts.isSpreadAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) return { reason: 'the object form needs literal properties' };
      continue;
    }
    const name = prop.name.text;
    if (name === 'message') {
      message = literalText(prop.initializer);
      if (message === undefined) return { reason: 'the message is not a string literal' };
    } else if (name === 'comment') {
      const init = prop.initializer;
      if (literalText(init) !== undefined) comment = [literalText(init)];
      else if (ts.isArrayLiteralExpression(init) && init.elements.every((e) => literalText(e) !== undefined)) comment = init.elements.map(literalText);
      else return { reason: 'the comment is not a string literal or an array of them' };
    }
  }
  if (message === undefined) return { reason: 'the object has no message' };
  const joined = comment && comment.length ? comment.join('') : '';
  return joined ? { key: `${message}/${joined}`, message, value: { message, comment } } : { key: message, message, value: message };
}

/**
 * Scans one source text.
 * @returns {{ entries: { key: string, message: string, value: string | { message: string, comment: string[] }, line: number }[],
 *             problems: { line: number, reason: string, text: string }[] }}
 */
export function scanSource(text, fileName = 'source.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const entries = [];
  const problems = [];
  const lineOf = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const problem = (node, reason) => problems.push({ line: lineOf(node), reason, text: node.getText(source).replace(/\s+/g, ' ').slice(0, 120) });

  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 't' && isL10n(node.expression)) {
      const call = node.parent;
      if (!ts.isCallExpression(call) || call.expression !== node) {
        problem(node, 'l10n.t is used other than as a direct call, so its messages cannot be found');
      } else if (call.arguments.length === 0) {
        problem(call, 'l10n.t is called without a message');
      } else {
        const first = call.arguments[0];
        const literal = literalText(first);
        if (literal !== undefined) entries.push({ key: literal, message: literal, value: literal, line: lineOf(call) });
        else if (ts.isObjectLiteralExpression(first)) {
          const found = objectForm(first);
          if (found.reason) problem(call, found.reason);
          else entries.push({ key: found.key, message: found.message, value: found.value, line: lineOf(call) });
        } else problem(call, 'the first argument is not a string literal');
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer && isL10n(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      const takesT = node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === 't');
      if (takesT) problem(node, 't is taken out of l10n, so its messages cannot be found');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { entries, problems };
}

function tsFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...tsFiles(full));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/**
 * Scans every TypeScript file under SOURCE_DIR.
 * @returns {{ bundle: Record<string, string | { message: string, comment: string[] }>,
 *             where: Record<string, string>, problems: string[], files: number, calls: number }}
 *   `bundle` in the order the messages first appear; `where` is the first `file:line` of each key.
 */
export function scanTree(root) {
  const bundle = {};
  const where = {};
  const problems = [];
  let calls = 0;
  const files = tsFiles(join(root, SOURCE_DIR));
  for (const file of files) {
    const rel = relative(root, file).split('\\').join('/');
    const result = scanSource(readFileSync(file, 'utf8'), rel);
    calls += result.entries.length;
    for (const e of result.entries) {
      if (!(e.key in bundle)) {
        bundle[e.key] = e.value;
        where[e.key] = `${rel}:${e.line}`;
      }
    }
    for (const p of result.problems) problems.push(`${rel}:${p.line}: ${p.reason}: ${p.text}`);
  }
  return { bundle, where, problems, files: files.length, calls };
}

/** The bundle as written to disk: two-space JSON and a final newline. */
export function formatBundle(bundle) {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** The `{0}` / `{name}` placeholders of a message, sorted, duplicates kept once. */
export function placeholders(message) {
  return [...new Set(message.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort();
}

/** The `command:` link targets of a message (markdown links and command URIs), sorted. */
export function commandLinks(message) {
  return [...(message.match(/\(command:[^)\s]+\)/g) ?? [])].sort();
}
