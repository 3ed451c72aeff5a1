// The digest as markdown (to paste into a meeting page or an e-mail) and as
// one self-contained HTML file in which every piece of note text is escaped.

import type { Digest } from './digest';
import { summaryOf } from './digest';
import type { Note } from './model';

const KIND_WORD: Record<string, string> = { lesson: 'lesson', peer: 'peer learning', retro: 'retro', plan: 'plan', win: 'win', idea: 'idea' };

/** Escapes what would turn plain text (a title, a name) into markup; `_` and backticks read fine as they are. */
function md(text: string): string {
  return text.replace(/([\\*[\]<>|])/g, '\\$1');
}

/** A summary is markdown already: only raw HTML is defused. */
function mdSummary(text: string): string {
  return text.replace(/</g, '&lt;');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function headline(d: Digest): string {
  const people = d.contributors.length;
  return `${plural(d.newCount, 'new note', 'new notes')} from ${plural(people, 'person', 'people')}, ${plural(d.wins.length, 'win', 'wins')}, ${plural(d.plansDue.length, 'plan', 'plans')} due for a check-in.`;
}

function noteLine(n: Note): string {
  const meta = [KIND_WORD[n.kind] ?? n.kind, n.author, n.created].filter(Boolean).join(', ');
  const summary = summaryOf(n.body, 160);
  return `- **${md(n.title)}** (${md(meta)})${n.endorsed.length ? ' ✓' : ''}${summary ? `: ${mdSummary(summary)}` : ''}`;
}

export function renderDigestMarkdown(d: Digest): string {
  const out: string[] = [`# Team learnings, ${d.since} to ${d.until}`, '', headline(d), ''];
  if (d.byTopic.length) {
    out.push('## New notes by topic', '');
    for (const g of d.byTopic) {
      out.push(`### ${md(g.title)}${g.slug && g.title !== g.slug ? ` (\`${g.slug}\`)` : ''}`, '');
      for (const n of g.notes) out.push(noteLine(n));
      out.push('');
    }
  } else {
    out.push('No new notes in this period.', '');
  }
  if (d.wins.length) {
    out.push('## Wins to celebrate', '');
    for (const n of d.wins) out.push(noteLine(n));
    out.push('');
  }
  if (d.plansDue.length || d.plansDone.length) {
    out.push('## Action plans', '');
    for (const f of d.plansDue) {
      const when = f.dueIn! < 0 ? `overdue by ${plural(-f.dueIn!, 'day', 'days')}` : f.dueIn === 0 ? 'due today' : `due in ${plural(f.dueIn!, 'day', 'days')}`;
      out.push(`- Due: **${md(f.note.title)}** (${when}${f.note.owner ? `, owner ${md(f.note.owner)}` : ''})`);
    }
    for (const n of d.plansDone) out.push(`- Done: **${md(n.title)}**${n.owner ? ` (${md(n.owner)})` : ''}`);
    out.push('');
  }
  if (d.checkIns.length) {
    out.push('## Check-ins', '');
    for (const c of d.checkIns) out.push(`- ${c.date}, ${md(c.note.title)}: ${md(c.text)}`);
    out.push('');
  }
  if (d.contributors.length) {
    out.push('## Who contributed', '');
    out.push(d.contributors.map((c) => `${md(c.name)} (${c.notes})`).join(', ') + '. Thank you!', '');
  }
  if (d.attention.length) {
    out.push('## Anchors that need attention', '');
    for (const a of d.attention) {
      out.push(`- \`${a.was}\` is ${a.status}${a.status === 'drifted' && a.lines ? ` (now near \`${a.path}:${a.lines}\`${a.similarity !== undefined ? `, ${Math.round(a.similarity * 100)}% similar` : ''})` : ''}, in ${md(a.note)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem}
li{margin:.3rem 0}.meta{color:#59636e}.badge{font-size:.75rem;border:1px solid #d0d7de;border-radius:1rem;padding:0 .5rem;margin-left:.3rem}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}.meta{color:#9198a1}code{background:#161b22}h2{border-color:#30363d}.badge{border-color:#30363d}}`;

function htmlNote(n: Note): string {
  const meta = [KIND_WORD[n.kind] ?? n.kind, n.author, n.created].filter(Boolean).join(', ');
  const summary = summaryOf(n.body, 240);
  return `<li><strong>${escapeHtml(n.title)}</strong>${n.endorsed.length ? '<span class="badge">endorsed</span>' : ''} <span class="meta">(${escapeHtml(meta)})</span>${summary ? `<br>${escapeHtml(summary)}` : ''}</li>`;
}

/** One self-contained page: no script, no external resource, every note text escaped. */
export function renderDigestHtml(d: Digest): string {
  const s: string[] = [];
  s.push(`<h1>Team learnings, ${escapeHtml(d.since)} to ${escapeHtml(d.until)}</h1>`, `<p>${escapeHtml(headline(d))}</p>`);
  if (d.byTopic.length) {
    s.push('<h2>New notes by topic</h2>');
    for (const g of d.byTopic) s.push(`<h3>${escapeHtml(g.title)}</h3><ul>${g.notes.map(htmlNote).join('')}</ul>`);
  }
  if (d.wins.length) s.push(`<h2>Wins to celebrate</h2><ul>${d.wins.map(htmlNote).join('')}</ul>`);
  if (d.plansDue.length || d.plansDone.length) {
    s.push('<h2>Action plans</h2><ul>');
    for (const f of d.plansDue) {
      const when = f.dueIn! < 0 ? `overdue by ${plural(-f.dueIn!, 'day', 'days')}` : f.dueIn === 0 ? 'due today' : `due in ${plural(f.dueIn!, 'day', 'days')}`;
      s.push(`<li>Due: <strong>${escapeHtml(f.note.title)}</strong> <span class="meta">(${escapeHtml(when)}${f.note.owner ? `, owner ${escapeHtml(f.note.owner)}` : ''})</span></li>`);
    }
    for (const n of d.plansDone) s.push(`<li>Done: <strong>${escapeHtml(n.title)}</strong></li>`);
    s.push('</ul>');
  }
  if (d.checkIns.length) s.push(`<h2>Check-ins</h2><ul>${d.checkIns.map((c) => `<li>${escapeHtml(c.date)}, ${escapeHtml(c.note.title)}: ${escapeHtml(c.text)}</li>`).join('')}</ul>`);
  if (d.contributors.length) s.push(`<h2>Who contributed</h2><p>${d.contributors.map((c) => `${escapeHtml(c.name)} (${c.notes})`).join(', ')}. Thank you!</p>`);
  if (d.attention.length) {
    s.push(`<h2>Anchors that need attention</h2><ul>${d.attention.map((a) => `<li><code>${escapeHtml(a.was)}</code> is ${escapeHtml(a.status)}, in ${escapeHtml(a.note)}</li>`).join('')}</ul>`);
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Team learnings, ${escapeHtml(d.since)} to ${escapeHtml(d.until)}</title>
<style>${STYLE}</style></head>
<body>
${s.join('\n')}
</body></html>
`;
}
