// `check` for people: one line per finding on stderr, the summary on stdout.

import { summaryLine, type CheckReport } from './findings';

export function textReport(r: CheckReport): { out: string[]; err: string[] } {
  const err = r.findings.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.severity}: ${f.message}`);
  return { out: [summaryLine(r)], err };
}
