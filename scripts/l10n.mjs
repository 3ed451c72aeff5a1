// Extracts every vscode.l10n.t(...) message from src/ into l10n/bundle.l10n.json
// (key and value the English message) and reports what the translations lack.
//
//   node scripts/l10n.mjs           write the English bundle, report
//   node scripts/l10n.mjs --check   write nothing; fail if the bundle is stale
//   node scripts/l10n.mjs --prune   also drop keys the code no longer uses from the translations
//
// Exits non-zero when a call's message is not a literal (it could not be
// extracted) and, with --check, when the bundle is stale or a translation lacks a message.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FILE, LANGUAGES, formatBundle, scanTree } from './l10nScan.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const prune = process.argv.includes('--prune');

const { bundle, where, problems, files, calls } = scanTree(root);
const bundlePath = join(root, BUNDLE_FILE);
const text = formatBundle(bundle);
const before = existsSync(bundlePath) ? readFileSync(bundlePath, 'utf8') : undefined;
let failed = false;

for (const p of problems) console.error(`error: ${p}`);
if (problems.length) {
  console.error(`${problems.length} l10n.t call(s) with a message that is not a literal: use l10n.t('English text', ...args).`);
  failed = true;
}

if (check) {
  if (before !== text) {
    const old = before === undefined ? {} : JSON.parse(before);
    for (const key of Object.keys(bundle)) if (!(key in old)) console.error(`not in ${BUNDLE_FILE}: ${JSON.stringify(key)} (${where[key]})`);
    for (const key of Object.keys(old)) if (!(key in bundle)) console.error(`no longer in the code: ${JSON.stringify(key)}`);
    console.error(`${BUNDLE_FILE} is stale: run npm run l10n:extract`);
    failed = true;
  }
} else if (before !== text) {
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, text);
}
console.log(`${Object.keys(bundle).length} messages from ${calls} calls in ${files} files${check ? '' : ` -> ${BUNDLE_FILE}${before === text ? ' (unchanged)' : ''}`}`);

for (const lang of LANGUAGES) {
  const path = bundlePath.replace(/\.json$/, `.${lang}.json`);
  const translated = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const missing = Object.keys(bundle).filter((key) => typeof translated[key] !== 'string' || translated[key].trim() === '');
  const obsolete = Object.keys(translated).filter((key) => !(key in bundle));
  for (const key of missing) console.error(`${lang}: to translate: ${JSON.stringify(key)} (${where[key]})`);
  if (missing.length && check) failed = true;
  if (obsolete.length && prune && !check) {
    for (const key of obsolete) delete translated[key];
    writeFileSync(path, formatBundle(translated));
    console.log(`${lang}: dropped ${obsolete.length} key(s) the code no longer uses`);
  } else {
    for (const key of obsolete) console.warn(`${lang}: no longer in the code (drop with --prune): ${JSON.stringify(key)}`);
  }
  console.log(`${lang}: ${Object.keys(bundle).length - missing.length}/${Object.keys(bundle).length} translated`);
}

if (failed) process.exitCode = 1;
