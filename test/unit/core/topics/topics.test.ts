import * as assert from 'node:assert/strict';
import { buildTopicTree, flattenTopics } from '../../../../src/core/topics/topics';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import type { TopicPage } from '../../../../src/core/model';

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
