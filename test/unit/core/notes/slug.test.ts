// Topic slugs and file-name slugs (DESIGN.md section 2).

import * as assert from 'node:assert/strict';
import { isTopicSlug, parentTopic, toFileSlug, toTopicSlug, topicAncestors } from '../../../../src/core/notes/slug';

describe('slug', () => {
  it('a topic slug is lowercase words joined by "-", nested with "/"', () => {
    for (const s of ['payments', 'payments/webhooks', 'a1/b-2/c3', 'x']) assert.equal(isTopicSlug(s), true, s);
    for (const s of ['', 'Payments', 'pay ments', 'payments/', '/payments', 'a//b', '-a', 'a-', 'a--b', 'a_b', 'åtgärd', 'a/../b']) assert.equal(isTopicSlug(s), false, s);
  });

  it('ancestors run from the root down; the parent is one level up', () => {
    assert.deepEqual(topicAncestors('payments/webhooks/retries'), ['payments', 'payments/webhooks']);
    assert.deepEqual(topicAncestors('payments'), []);
    assert.equal(parentTopic('payments/webhooks/retries'), 'payments/webhooks');
    assert.equal(parentTopic('payments'), undefined);
  });

  it('makes a topic slug from what a person typed', () => {
    assert.equal(toTopicSlug('Payments / Web Hooks'), 'payments/web-hooks');
    assert.equal(toTopicSlug('  Åtgärder  '), 'atgarder');
    assert.equal(toTopicSlug('a//b/'), 'a/b');
    assert.equal(toTopicSlug('!!!'), '');
  });

  it('makes an ASCII file-name slug from a title, Nordic letters spelled out', () => {
    assert.equal(toFileSlug('Handle webhooks once'), 'handle-webhooks-once');
    assert.equal(toFileSlug('Ærlig talt: øl på Ålesund, Straße'), 'aerlig-talt-ol-pa-alesund-strasse');
    assert.equal(toFileSlug('Café — naïve résumé'), 'cafe-naive-resume');
    assert.equal(toFileSlug('--Retry: "x" #1, don\'t--'), 'retry-x-1-don-t');
    assert.equal(toFileSlug('日本語'), '');
  });

  it('cuts a long title at a word boundary, within the limit', () => {
    const long = toFileSlug('Retry the payment webhook idempotently when the provider times out twice in a row');
    assert.ok(long.length <= 60, long);
    assert.equal(long, 'retry-the-payment-webhook-idempotently-when-the-provider');
    assert.equal(toFileSlug('a'.repeat(100)).length, 60, 'one long word is cut where the limit is');
    assert.equal(toFileSlug('one two three', 7), 'one-two');
  });
});
