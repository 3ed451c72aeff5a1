import * as assert from 'node:assert/strict';
import { AliasMap, buildTopicTree, flattenTopics, sameTopicTree } from '../../../../src/core/topics/topics';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import type { Note, TopicPage } from '../../../../src/core/model';

function page(path: string, text: string): TopicPage {
  const { page: parsed } = parseTopicPage(path, text, '.learnings/topics');
  assert.ok(parsed, path);
  return parsed;
}

describe('topic description state', () => {
  it('a page holding only front matter (an alias left by a rename or merge, an empty Edit Topic Page) is not yet described', () => {
    const topics = flattenTopics(
      buildTopicTree(
        [],
        [
          page('.learnings/topics/team-practices.md', '---\ntitle: Team practices\nambassadors: []\naliases: [security]\n---\n'),
          page('.learnings/topics/testing.md', '---\ntitle: Testing\nambassadors: [Kari]\naliases: []\n---\n\n  \n'),
          page('.learnings/topics/payments.md', '---\ntitle: Payments\n---\nEverything about money.\n'),
        ],
      ),
    );
    const described = Object.fromEntries(topics.map((t) => [t.slug, t.described]));
    assert.deepEqual(described, { payments: true, 'team-practices': false, testing: false });
    assert.equal(topics.find((t) => t.slug === 'team-practices')!.title, 'Team practices', 'the page still gives its title');
  });
});

function note(path: string, topics: string[]): Note {
  return { path, title: path, kind: 'lesson', topics, anchors: [], endorsed: [], body: '', bodyLine: 1 };
}

describe('the topic tree', () => {
  it('adds every ancestor of a nested slug, counts each note once per topic up the tree, and sorts by slug', () => {
    const tree = buildTopicTree([note('a.md', ['payments/webhooks']), note('b.md', ['payments', 'payments/refunds']), note('c.md', ['testing'])], []);
    assert.deepEqual(tree.map((t) => t.slug), ['payments', 'testing']);
    const payments = tree[0];
    assert.deepEqual(payments.children.map((t) => t.slug), ['payments/refunds', 'payments/webhooks']);
    assert.equal(payments.directCount, 1);
    assert.equal(payments.noteCount, 2, 'b.md is on payments and on a subtopic: counted once');
    assert.equal(payments.children[1].noteCount, 1);
  });

  it('folds an alias into its topic, follows a chain of merges, and never lets an alias swallow a topic with its own page', () => {
    const pages = [
      page('.learnings/topics/reliability.md', '---\ntitle: Reliability\naliases: [resilience]\n---\nStaying up.\n'),
      page('.learnings/topics/resilience.md', '---\ntitle: Resilience\naliases: [uptime]\n---\nOld name.\n'),
      page('.learnings/topics/ops.md', '---\ntitle: Ops\naliases: [oncall]\n---\n'),
      page('.learnings/topics/oncall.md', '---\ntitle: On call\naliases: [ops]\n---\n'),
    ];
    const aliases = new AliasMap(pages);
    assert.equal(aliases.canonical('resilience'), 'resilience', 'resilience has its own page');
    assert.equal(aliases.canonical('uptime'), 'resilience');
    assert.equal(aliases.canonical('ops'), 'ops', 'two pages naming each other: neither is swallowed');
    const merged = new AliasMap([page('.learnings/topics/b.md', '---\naliases: [a]\n---\n'), page('.learnings/topics/c.md', '---\naliases: [b2]\n---\n')]);
    assert.equal(merged.canonical('a'), 'b');
    const tree = buildTopicTree([note('x.md', ['uptime'])], pages);
    assert.equal(flattenTopics(tree).find((t) => t.slug === 'resilience')?.noteCount, 1);
    assert.equal(flattenTopics(tree).some((t) => t.slug === 'uptime'), false, 'an alias is not a topic of its own');
  });

  it('sameTopicTree: equal trees draw the same rows; a count, a title or a new topic differs', () => {
    const notes = [note('a.md', ['payments/webhooks']), note('b.md', ['testing'])];
    const pages = [page('.learnings/topics/testing.md', '---\ntitle: Testing\n---\nHow we test.\n')];
    const base = buildTopicTree(notes, pages);
    assert.equal(sameTopicTree(base, buildTopicTree([...notes], [...pages])), true);
    assert.equal(sameTopicTree(base, buildTopicTree([...notes, note('c.md', ['testing'])], pages)), false, 'a count');
    assert.equal(sameTopicTree(base, buildTopicTree(notes, [page('.learnings/topics/testing.md', '---\ntitle: Tests\n---\nHow we test.\n')])), false, 'a title');
    assert.equal(sameTopicTree(base, buildTopicTree([...notes, note('d.md', ['security'])], pages)), false, 'a new topic');
  });
});

describe('topic pages', () => {
  it('takes the slug from the file name, reads title, ambassadors, aliases and the description; a page without front matter is all description', () => {
    const p = page('.learnings/topics/payments/webhooks.md', '---\ntitle: Webhooks\nambassadors: [Kari Nordmann]\naliases: [hooks]\n---\n\nHow we take events.\n');
    assert.deepEqual([p.slug, p.title, p.ambassadors, p.aliases, p.description], ['payments/webhooks', 'Webhooks', ['Kari Nordmann'], ['hooks'], 'How we take events.']);
    const bare = page('.learnings/topics/testing.md', 'Just a description.\n');
    assert.deepEqual([bare.slug, bare.description, bare.ambassadors], ['testing', 'Just a description.', []]);
  });

  it('a file name that is not a slug is one error naming the file', () => {
    const { page: parsed, problems } = parseTopicPage('.learnings/topics/Payments Team.md', '---\ntitle: X\n---\n', '.learnings/topics');
    assert.equal(parsed, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, '.learnings/topics/Payments Team.md');
    assert.match(problems[0].message, /is not a topic slug/);
  });
});
