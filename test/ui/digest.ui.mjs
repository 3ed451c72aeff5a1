/* global document */ // page.evaluate callbacks run in the workbench page
// Generate Digest through the Command Palette, read as the team reads it: in
// VS Code's markdown preview. Each note once (wins under Wins only), parent
// topics before their subtopics, check-ins grouped by plan, a link to each note.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../../scripts/vscode-host/host.mjs';

/** Every note of the workspace: path, title, kind (from `learnings list --json`). */
function notesOf(ui) {
  const { code, stdout, stderr } = ui.cli('list', '--json');
  if (code !== 0) throw new HostError(`learnings list --json exited ${code}: ${stderr}`);
  return JSON.parse(stdout);
}

export const flows = [
  {
    name: 'digest-each-note-once',
    description: 'Generate Digest since a date: every note listed once, parents before subtopics, check-ins by plan, links to the notes',
    async run(ui) {
      const { page } = ui;
      const notes = notesOf(ui);
      if (notes.length !== readdirSync(join(ui.workspace, '.learnings/notes')).length) throw new HostError('learnings list does not list every note');
      await ui.openContainer('Team Learnings');
      await ui.runCommand('Team Learnings: Generate Digest');
      await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
      await page.keyboard.type('Since a date');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
      await page.keyboard.type('2026-01-01');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.editor-instance .view-line >> text=Team learnings', { timeout: 20_000 });
      await ui.runCommand('Markdown: Open Preview to the Side');
      const frame = await ui.webviewFrame('h1');
      const seen = await ui.waitFor(() => frame.evaluate(() => {
        const out = { sections: [], topics: [], listed: [], checkIns: [] };
        let section = '';
        let planGroup;
        const root = document.querySelector('.markdown-body') ?? document.body;
        for (const el of root.querySelectorAll('h2, h3, li')) {
          if (el.tagName === 'H2') { section = el.textContent.trim(); out.sections.push(section); continue; }
          if (el.tagName === 'H3') { if (/by topic/i.test(section)) out.topics.push(el.textContent.trim()); continue; }
          if (/by topic|wins/i.test(section) && el.parentElement.parentElement.tagName !== 'LI') {
            const a = el.querySelector('a');
            out.listed.push({ section, text: el.textContent.trim(), href: a?.getAttribute('data-href') ?? a?.getAttribute('href') ?? '' });
          }
          if (/check-ins/i.test(section)) {
            if (el.parentElement.parentElement.tagName === 'LI') out.checkIns.push({ plan: planGroup, text: el.textContent.trim() });
            else planGroup = el.firstChild?.textContent?.trim() ?? el.textContent.trim();
          }
        }
        return out.listed.length ? out : undefined;
      }), 'the digest preview listing notes');
      const problems = [];
      for (const note of notes) {
        const rows = seen.listed.filter((r) => r.text.includes(note.title));
        if (rows.length !== 1) problems.push(`"${note.title}" is listed ${rows.length} times (${rows.map((r) => r.section).join(', ')})`);
        else {
          if (note.kind === 'win' && !/wins/i.test(rows[0].section)) problems.push(`the win "${note.title}" is under ${rows[0].section}`);
          if (!rows[0].href.endsWith(note.path)) problems.push(`"${note.title}" links to ${JSON.stringify(rows[0].href)}, not ${note.path}`);
        }
      }
      if (seen.listed.length !== notes.length) problems.push(`${seen.listed.length} bullets for ${notes.length} notes`);
      const slugOf = (heading) => /\(([a-z0-9/-]+)\)\s*$/.exec(heading)?.[1] ?? heading.toLowerCase();
      const order = seen.topics.map(slugOf);
      order.forEach((slug, i) => {
        const parent = slug.includes('/') ? slug.slice(0, slug.lastIndexOf('/')) : undefined;
        const at = parent ? order.indexOf(parent) : -1;
        if (parent && at > i) problems.push(`subtopic ${slug} comes before its parent ${parent} (${order.join(', ')})`);
      });
      const plans = [...new Set(seen.checkIns.map((c) => c.plan))];
      if (seen.checkIns.length === 0) problems.push(`no check-ins grouped under a plan (sections: ${seen.sections.join(', ')})`);
      if (plans.length < 2) problems.push(`check-ins of ${plans.length} plan(s) only: ${JSON.stringify(seen.checkIns).slice(0, 200)}`);
      if (problems.length) throw new HostError(`the digest:\n        ${problems.join('\n        ')}`);
      await ui.shot('digest');
    },
  },
];
