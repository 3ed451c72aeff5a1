// `check --format sarif`: a SARIF 2.1.0 log, for GitHub code scanning
// (github/codeql-action/upload-sarif) and other SARIF viewers.

import { RULES, type CheckReport, type FindingSeverity, type RuleId } from './findings';

const LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifReport(r: CheckReport, version: string): string {
  const ids = Object.keys(RULES) as RuleId[];
  return JSON.stringify(
    {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {
              name: 'learnings',
              version,
              rules: ids.map((id) => ({ id, name: id, shortDescription: { text: RULES[id] } })),
            },
          },
          results: r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ids.indexOf(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                  // GitHub needs a region: a problem of the whole file is on its first line.
                  region: { startLine: f.line ?? 1 },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}
