// A small realistic source file the anchor tests edit in various ways.

export const SAMPLE = [
  "import { createHash } from 'node:crypto';",
  "import type { Event } from './types';",
  '',
  'const seenIds = new Set<string>();',
  '',
  'export async function handleWebhook(evt: Event): Promise<void> {',
  '  if (await seen(evt.id)) return;',
  '  const payload = JSON.parse(evt.body);',
  '  await chargeCustomer(payload.customerId, payload.amount);',
  '  await markSeen(evt.id);',
  '}',
  '',
  'async function seen(id: string): Promise<boolean> {',
  '  return seenIds.has(id);',
  '}',
  '',
  'async function markSeen(id: string): Promise<void> {',
  '  seenIds.add(id);',
  '}',
  '',
  'export function fingerprint(body: string): string {',
  "  const hash = createHash('sha256');",
  '  hash.update(body);',
  "  return hash.digest('hex');",
  '}',
  '',
  'async function chargeCustomer(customerId: string, amount: number): Promise<void> {',
  '  if (amount <= 0) throw new Error(`bad amount ${amount}`);',
  '  await paymentProvider.charge({ customer: customerId, cents: Math.round(amount * 100) });',
  '}',
].join('\n') + '\n';

/** 1-based lines of `text`, joined as a snippet is captured. */
export function snippetOf(text: string, start: number, end: number): string {
  return text.split('\n').slice(start - 1, end).join('\n') + '\n';
}

/** `text` with `count` lines inserted before 1-based line `at`. */
export function insertLines(text: string, at: number, lines: string[]): string {
  const all = text.split('\n');
  all.splice(at - 1, 0, ...lines);
  return all.join('\n');
}

/** `text` without 1-based lines `start..end`. */
export function deleteLines(text: string, start: number, end: number): string {
  const all = text.split('\n');
  all.splice(start - 1, end - start + 1);
  return all.join('\n');
}
