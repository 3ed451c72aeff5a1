// The formats of `check` (DESIGN.md section 4): one report, printed four ways.

import type { Output } from '../context';
import type { CheckReport } from './findings';
import { textReport } from './text';
import { jsonReport } from './json';
import { githubReport } from './github';
import { sarifReport } from './sarif';
import { cliVersion } from '../help';

export const CHECK_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function printReport(io: Output, format: CheckFormat, report: CheckReport): void {
  if (format === 'json') return io.out(jsonReport(report));
  if (format === 'sarif') return io.out(sarifReport(report, cliVersion()));
  const { out, err } = format === 'github' ? githubReport(report) : textReport(report);
  for (const line of err) io.err(line);
  for (const line of out) io.out(line);
}

export { buildReport, summaryLine, type CheckReport, type Finding } from './findings';
