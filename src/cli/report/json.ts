// `check --json`: the shape in schema/check.schema.json, camelCase throughout.

import type { CheckReport } from './findings';

/** Raised when a key changes meaning or goes away; new keys keep the version. */
export const CHECK_SCHEMA_VERSION = 1;

export function jsonReport(r: CheckReport): string {
  return JSON.stringify({
    schemaVersion: CHECK_SCHEMA_VERSION,
    notes: r.notes,
    summary: { errors: r.errors, warnings: r.warnings, infos: r.infos, ...r.statuses, failed: r.failed },
    problems: r.findings.map((f) => ({ file: f.file, ...(f.line ? { line: f.line } : {}), severity: f.severity, rule: f.rule, message: f.message })),
    anchors: r.anchors.map(({ anchorIndex: _i, unresolved, ...a }) => (unresolved ? { ...a, status: 'unresolved', reason: unresolved } : a)),
  });
}
