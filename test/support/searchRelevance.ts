// The relevance test set of search (issue #18): the demo workspace plus a few
// notes in the Scandinavian languages we ship, and queries people type with
// the notes that must come first. Shared by the core test and the CLI test,
// so `learnings search` is held to the same answers as the index.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

export const DEMO = path.resolve(REPO_ROOT, 'test/fixtures/demo-workspace');
const NOTES = '.learnings/notes';

export const EXTRA_NOTES: Record<string, string> = {
  [`${NOTES}/2026-11-02-atgarder-efter-kursen.md`]:
    '---\ntitle: Åtgärder efter säkerhetskursen\nkind: plan\ntopics: [security]\nauthor: Åsa Lindström\ncreated: 2026-11-02\n---\n\n## Mål\n\nVi går igenom åtgärderna varje fredag.\n',
  [`${NOTES}/2026-11-03-feilhandtering-i-koen.md`]:
    '---\ntitle: Feilhåndtering i køen\nkind: lesson\ntopics: [reliability]\nauthor: Bjørn Ødegård\ncreated: 2026-11-03\n---\n\n## Hva skjedde\n\nMeldinger i køen ble behandlet to ganger.\n',
  [`${NOTES}/2026-11-04-review-with-lukasz.md`]:
    '---\ntitle: Pair review of the ledger export\nkind: peer\ntopics: [testing]\nauthor: Łukasz Wróbel\ncreated: 2026-11-04\n---\n\n## Context\n\nWe review exports in pairs.\n',
};

/** Every file of the set: the demo's notes and topic pages, and the extra notes. */
export function relevanceFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(DEMO, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md')) files[child] = readFileSync(path.join(DEMO, child), 'utf8');
    }
  };
  walk('.learnings');
  return { ...files, ...EXTRA_NOTES };
}

export interface RelevanceCase {
  why: string;
  query: string;
  /** These notes (file names) come first, in any order among themselves. */
  first: string[];
  /** These are among the results too (anywhere). */
  alsoFound?: string[];
  /** None of the results may be these. */
  notFound?: string[];
}

const n = (name: string) => `${NOTES}/${name}.md`;

export const RELEVANCE: RelevanceCase[] = [
  {
    why: 'a word form: "idempotent" finds the notes about idempotency, the one with it in its title first',
    query: 'idempotent',
    first: [n('2026-06-25-retro-idempotency-keys-rollout')],
    alsoFound: [
      n('2026-07-23-set-lock-timeout-in-every-migration'),
      n('2026-09-03-do-not-call-the-provider-inside-a-transaction'),
      n('2026-08-20-retro-august-provider-outage'),
      n('2026-07-30-how-i-review-a-migration'),
      n('2026-07-16-a-month-without-duplicate-charges'),
    ],
  },
  { why: 'a prefix, as typed so far', query: 'idempo', first: [n('2026-06-25-retro-idempotency-keys-rollout')] },
  {
    why: 'a plural meets the singular in titles',
    query: 'migrations',
    first: [n('2026-07-23-set-lock-timeout-in-every-migration'), n('2026-11-19-migration-lint-caught-its-first-lock'), n('2026-07-30-how-i-review-a-migration')],
  },
  { why: '-ing meets the noun', query: 'retrying', first: [n('2026-08-06-jitter-your-retries')] },
  {
    why: 'a teammate\'s first name finds her or his notes first',
    query: 'kari',
    first: [
      n('2026-10-08-refund-webhook-can-beat-the-api-response'),
      n('2026-06-18-claim-webhook-events-in-the-same-transaction'),
      n('2026-09-03-do-not-call-the-provider-inside-a-transaction'),
      n('2026-06-11-sign-a-test-webhook-by-hand'),
    ],
  },
  {
    why: 'one typo forgiven in a longer word',
    query: 'webhok',
    first: [
      n('2026-10-08-refund-webhook-can-beat-the-api-response'),
      n('2026-06-18-claim-webhook-events-in-the-same-transaction'),
      n('2026-08-27-idea-kill-a-worker-mid-webhook'),
      n('2026-06-11-sign-a-test-webhook-by-hand'),
      // Every note with "webhook" in its title, the demo's planned session too.
      n('2026-11-20-lunch-talk-chaos-testing-the-webhook-worker'),
    ],
  },
  {
    why: 'a title match ranks above a body match',
    query: 'transaction',
    first: [n('2026-06-18-claim-webhook-events-in-the-same-transaction'), n('2026-09-03-do-not-call-the-provider-inside-a-transaction')],
  },
  { why: 'every word must meet: two words narrow', query: 'retry storm', first: [n('2026-08-06-jitter-your-retries')], notFound: [n('2026-06-04-money-is-integer-minor-units')] },
  { why: 'accents folded: "atgard" for "åtgärd", and a Swedish plural', query: 'atgard', first: [n('2026-11-02-atgarder-efter-kursen')] },
  { why: 'a Swedish definite plural meets the word', query: 'åtgärderna', first: [n('2026-11-02-atgarder-efter-kursen')] },
  { why: 'ø and å folded, in an author name', query: 'odegard', first: [n('2026-11-03-feilhandtering-i-koen')] },
  { why: 'ł folded', query: 'lukasz', first: [n('2026-11-04-review-with-lukasz')] },
  { why: 'a topic is searchable', query: 'onboarding', first: [n('2026-10-21-onboard-onto-payments-in-a-day'), n('2026-07-30-how-i-review-a-migration'), n('2026-06-11-sign-a-test-webhook-by-hand')] },
  { why: 'no typo forgiven in a short word', query: 'tset', first: [], notFound: [n('2026-06-29-plan-contract-tests-for-the-provider-api')] },
];
