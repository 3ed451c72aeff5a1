// `check --format github`: GitHub Actions workflow commands, so each finding
// shows as an annotation on the note's line in the pull request.

import { summaryLine, type CheckReport, type FindingSeverity } from './findings';

const COMMAND: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message of a workflow command: `%`, CR and LF escaped (GitHub's toolkit, `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which end a value (`escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubReport(r: CheckReport): { out: string[]; err: string[] } {
  const out = r.findings.map((f) => {
    const props = [`file=${escapeProperty(f.file)}`, ...(f.line ? [`line=${f.line}`] : []), `title=${escapeProperty(`learnings ${f.rule}`)}`];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
  out.push(summaryLine(r));
  return { out, err: [] };
}
