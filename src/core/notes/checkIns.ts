// A plan's check-ins as written in its body: `- YYYY-MM-DD: text` under the
// "## Check-ins" heading. Read by the team loop (follow-ups, the digest) and
// by goals (a plan's latest check-in), so it lives with the notes.

export const CHECK_INS_HEADING = /^##\s+check-?ins\s*$/im;

/** Check-in entries in a plan's body: `- YYYY-MM-DD: text` under "Check-ins". */
export function checkInEntries(body: string): Array<{ date: string; text: string }> {
  const heading = CHECK_INS_HEADING.exec(body);
  if (!heading) return [];
  const rest = body.slice(heading.index + heading[0].length);
  const end = rest.search(/^#{1,2}\s/m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const out: Array<{ date: string; text: string }> = [];
  for (const m of section.matchAll(/^[-*]\s+(\d{4}-\d{2}-\d{2})\s*[:\-–]\s*(.+)$/gm)) out.push({ date: m[1], text: m[2].trim() });
  return out;
}
