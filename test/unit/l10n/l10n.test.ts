// Localization: every %key% of the manifest has English and a Swedish,
// Norwegian Bokmål and Danish translation; the English bundle matches the
// l10n.t(...) calls in the code; each translation keeps the placeholders,
// command links and inline code of the English. Files are read from the
// repository root (this file runs as out/test/unit/l10n/l10n.test.js).

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../../..');

type BundleValue = string | { message: string; comment: string[] };
interface ScanModule {
  BUNDLE_FILE: string;
  LANGUAGES: string[];
  scanSource(
    text: string,
    fileName?: string,
  ): { entries: { key: string; message: string; value: BundleValue; line: number }[]; problems: { line: number; reason: string; text: string }[] };
  scanTree(root: string): { bundle: Record<string, BundleValue>; where: Record<string, string>; problems: string[]; files: number; calls: number };
  placeholders(message: string): string[];
  commandLinks(message: string): string[];
}

function readJson<T>(relative: string): T {
  const file = path.join(root, relative);
  assert.ok(existsSync(file), `${relative} is missing`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** `code spans` of a markdown message: they name files and fields, and are never translated. */
function codeSpans(message: string): string[] {
  return [...(message.match(/`[^`]+`/g) ?? [])].sort();
}

/** How many **bold** runs a message has. */
function boldRuns(message: string): number {
  return (message.match(/\*\*[^*]+\*\*/g) ?? []).length;
}

const messageOf = (v: BundleValue): string => (typeof v === 'string' ? v : v.message);

// The user-visible properties a manifest may carry; each must be a %key%.
const VISIBLE = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'title',
  'shortTitle',
  'category',
  'name',
  'contextualTitle',
  'label',
  'contents',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'enumItemLabels',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'altText',
]);

/** Every user-visible string of the manifest that is not a %key%, as `json.path: "text"`. */
function hardCoded(value: unknown, at: string, visible: boolean, out: string[]): string[] {
  if (typeof value === 'string') {
    if (visible && !/^%[^%\s]+%$/.test(value)) out.push(`${at}: ${JSON.stringify(value)}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => hardCoded(v, `${at}[${i}]`, visible, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // Under configuration.properties the keys are setting ids, not property names.
      const isSettingId = /\.properties$/.test(at);
      hardCoded(v, `${at}.${k}`, !isSettingId && VISIBLE.has(k), out);
    }
  }
  return out;
}

/** The %key% references anywhere in the manifest. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => manifestKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => manifestKeys(v, out));
  return out;
}

/** Differences between a translation and its English source, one line each. */
function mismatches(english: string, translated: string): string[] {
  const out: string[] = [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(scan.placeholders(english), scan.placeholders(translated))) out.push(`placeholders ${scan.placeholders(english).join(' ')} vs ${scan.placeholders(translated).join(' ')}`);
  if (!same(scan.commandLinks(english), scan.commandLinks(translated))) out.push(`command links ${scan.commandLinks(english).join(' ')} vs ${scan.commandLinks(translated).join(' ')}`);
  if (!same(codeSpans(english), codeSpans(translated))) out.push(`inline code ${codeSpans(english).join(' ')} vs ${codeSpans(translated).join(' ')}`);
  if (boldRuns(english) !== boldRuns(translated)) out.push(`**bold** runs ${boldRuns(english)} vs ${boldRuns(translated)}`);
  return out;
}

let scan: ScanModule;

describe('localization', () => {
  before(async () => {
    scan = (await import(pathToFileURL(path.join(root, 'scripts', 'l10nScan.mjs')).href)) as ScanModule;
  });

  describe('the scanner', () => {
    it('finds literal messages, unescaped, and ignores l10n.t( in comments and strings', () => {
      const { entries, problems } = scan.scanSource(
        [
          "import * as vscode from 'vscode';",
          "import { l10n } from 'vscode';",
          "vscode.l10n.t('{0} is not an ambassador of this note\\'s topics.', name);",
          'l10n.t(`A template without substitutions`);',
          'vscode.l10n.t("Double \\"quoted\\"");',
          "// vscode.l10n.t('in a comment')",
          "const s = \"vscode.l10n.t('in a string')\";",
        ].join('\n'),
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(
        entries.map((e) => [e.key, e.line]),
        [
          ["{0} is not an ambassador of this note's topics.", 3],
          ['A template without substitutions', 4],
          ['Double "quoted"', 5],
        ],
      );
    });

    it('keys the object form by message/comment, as VS Code looks it up', () => {
      const { entries, problems } = scan.scanSource(
        "vscode.l10n.t({ message: 'Open {0}', args: [x], comment: ['{0} is a file', ' name'] });\nvscode.l10n.t({ message: 'Plain', args: [] });",
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(
        entries.map((e) => [e.key, e.value]),
        [
          ['Open {0}/{0} is a file name', { message: 'Open {0}', comment: ['{0} is a file', ' name'] }],
          ['Plain', 'Plain'],
        ],
      );
    });

    it('reports every call whose message it cannot read, with its line', () => {
      const { entries, problems } = scan.scanSource(
        [
          'vscode.l10n.t(message);',
          'vscode.l10n.t(`Hello ${name}`);',
          "vscode.l10n.t('a' + 'b');",
          'vscode.l10n.t({ message: text });',
          'const t = vscode.l10n.t;',
          'const { t: tr } = vscode.l10n;',
          'items.map(vscode.l10n.t);',
          'vscode.l10n.t();',
        ].join('\n'),
      );
      assert.deepEqual(entries, []);
      assert.deepEqual(
        problems.map((p) => p.line),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
    });
  });

  describe('the manifest', () => {
    const manifest = readJson<Record<string, unknown> & { contributes: Record<string, unknown> }>('package.json');
    const english = readJson<Record<string, string>>('package.nls.json');
    const used = manifestKeys(manifest);

    it('has English in package.nls.json for every %key% it uses, and no unused key', () => {
      assert.ok(used.size > 0, 'package.json uses no %key%');
      assert.deepEqual([...used].filter((k) => typeof english[k] !== 'string' || english[k].trim() === ''), [], 'keys without English text');
      assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'keys package.json does not use');
    });

    it('gives every command a %key% title, and a %key% category when it has one', () => {
      const commands = (manifest.contributes.commands ?? []) as { command: string; title?: unknown; category?: unknown }[];
      assert.ok(commands.length > 0, 'no commands declared');
      const bad = commands.filter(
        (c) =>
          typeof c.title !== 'string' ||
          !/^%[^%\s]+%$/.test(c.title) ||
          !(c.title.slice(1, -1) in english) ||
          (c.category !== undefined && (typeof c.category !== 'string' || !/^%[^%\s]+%$/.test(c.category))),
      );
      assert.deepEqual(
        bad.map((c) => `${c.command}: ${JSON.stringify(c.title)} ${JSON.stringify(c.category)}`),
        [],
      );
    });

    it('has no user-visible string in English only', () => {
      const { displayName, description, contributes, capabilities } = manifest;
      assert.deepEqual(hardCoded({ displayName, description, contributes, capabilities }, 'package.json', false, []), []);
    });

    for (const lang of ['sv', 'nb', 'da']) {
      it(`is translated in package.nls.${lang}.json: every key, no other, markup kept`, () => {
        const translated = readJson<Record<string, unknown>>(`package.nls.${lang}.json`);
        assert.deepEqual(
          Object.keys(english).filter((k) => typeof translated[k] !== 'string' || (translated[k] as string).trim() === ''),
          [],
          `keys with no ${lang} text`,
        );
        assert.deepEqual(Object.keys(translated).filter((k) => !(k in english)), [], `keys in ${lang} that English lacks`);
        const broken = Object.keys(english).flatMap((k) => mismatches(english[k], translated[k] as string).map((m) => `${k}: ${m}`));
        assert.deepEqual(broken, []);
      });
    }
  });

  describe('the code', () => {
    let current: ReturnType<ScanModule['scanTree']>;
    before(() => {
      current = scan.scanTree(root);
    });

    it('passes only literal messages to l10n.t', () => {
      assert.ok(current.calls > 0, 'no l10n.t call found: is the scanner looking in the right place?');
      assert.deepEqual(current.problems, []);
    });

    it('has every message in l10n/bundle.l10n.json, and nothing more (npm run l10n:extract)', () => {
      const bundle = readJson<Record<string, BundleValue>>(scan.BUNDLE_FILE);
      const missing = Object.keys(current.bundle).filter((k) => !(k in bundle)).map((k) => `${JSON.stringify(k)} (${current.where[k]})`);
      const stale = Object.keys(bundle).filter((k) => !(k in current.bundle)).map((k) => JSON.stringify(k));
      assert.deepEqual(missing, [], 'messages in the code but not in the bundle');
      assert.deepEqual(stale, [], 'messages in the bundle but no longer in the code');
      assert.deepEqual(bundle, current.bundle, 'bundle entries differ from the code');
    });

    for (const lang of ['sv', 'nb', 'da']) {
      it(`is translated in l10n/bundle.l10n.${lang}.json: every message, no other, placeholders and links kept`, () => {
        assert.ok(scan.LANGUAGES.includes(lang), `scripts/l10nScan.mjs does not list ${lang}`);
        const translated = readJson<Record<string, unknown>>(scan.BUNDLE_FILE.replace(/\.json$/, `.${lang}.json`));
        const missing = Object.keys(current.bundle)
          .filter((k) => typeof translated[k] !== 'string' || (translated[k] as string).trim() === '')
          .map((k) => `${JSON.stringify(k)} (${current.where[k]})`);
        assert.deepEqual(missing, [], `messages with no ${lang} text`);
        assert.deepEqual(Object.keys(translated).filter((k) => !(k in current.bundle)), [], `keys in ${lang} the code no longer uses (node scripts/l10n.mjs --prune)`);
        const broken = Object.entries(current.bundle).flatMap(([k, v]) => mismatches(messageOf(v), translated[k] as string).map((m) => `${JSON.stringify(k)}: ${m}`));
        assert.deepEqual(broken, []);
      });
    }
  });
});
