// What `check` found, as one list: the problems of the notes and the anchors
// that are not fresh. Every format prints this list, and the summary counts
// it, so what is counted is what was printed.

import type { AnchorResult, AnchorStatus } from '../../core/anchors/checkAnchors';
import type { Note, Problem } from '../../core/model';

export type FindingSeverity = 'error' | 'warning' | 'info';

/** Rule ids, for SARIF and for scripts that filter. */
export const RULES = {
  'note-problem': 'A note that cannot be read, or a field of it that is wrong',
  'anchor-orphaned': 'The code an anchor pointed to is gone',
  'anchor-drifted': 'The code an anchor points to was edited: re-anchor it by hand',
  'anchor-moved': 'The code an anchor points to moved: check --fix updates the note',
} as const;
export type RuleId = keyof typeof RULES;

export interface Finding {
  /** Workspace-relative path of the note. */
  file: string;
  /** 1-based line in the note: the field's, or the anchor entry's. */
  line?: number;
  severity: FindingSeverity;
  message: string;
  rule: RuleId;
}

export interface CheckReport {
  notes: number;
  anchors: AnchorResult[];
  findings: Finding[];
  /** Anchors by status. */
  statuses: Record<AnchorStatus | 'unresolved', number>;
  errors: number;
  warnings: number;
  infos: number;
  /** Whether the check fails (exit 1). */
  failed: boolean;
}

export function buildReport(input: {
  notes: Note[];
  problems: Problem[];
  /** Problems of anchors whose file could not be read (from checkAnchors). */
  anchorProblems: Problem[];
  anchors: AnchorResult[];
  strict: boolean;
}): CheckReport {
  const byPath = new Map(input.notes.map((n) => [n.path, n]));
  const findings: Finding[] = [...input.problems, ...input.anchorProblems].map((p) => ({
    file: p.file,
    ...(p.line ? { line: p.line } : {}),
    severity: p.severity,
    message: p.message,
    rule: 'note-problem',
  }));
  // An anchor whose file was refused (a symlink out of the workspace, a binary file) was reported above, with why.
  const refused = new Set(input.anchorProblems.map((p) => `${p.file}\u0000${/^anchor (\d+):/.exec(p.message)?.[1]}`));
  for (const a of input.anchors) {
    // Not resolved (its file too large to read): the warning among the problems says so, per anchor.
    if (a.status === 'fresh' || a.unresolved) continue;
    if (a.status === 'orphaned' && refused.has(`${a.note}\u0000${a.anchorIndex + 1}`)) continue;
    const line = byPath.get(a.note)?.anchorLines?.[a.anchorIndex];
    findings.push({ file: a.note, ...(line ? { line } : {}), ...anchorFinding(a) });
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const statuses: Record<AnchorStatus | 'unresolved', number> = { fresh: 0, moved: 0, drifted: 0, orphaned: 0, unresolved: 0 };
  for (const a of input.anchors) statuses[a.unresolved ? 'unresolved' : a.status]++;
  const count = (s: FindingSeverity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  return {
    notes: input.notes.length,
    anchors: input.anchors,
    findings,
    statuses,
    errors,
    warnings,
    infos: count('info'),
    failed: errors > 0 || (input.strict && warnings > 0),
  };
}

function anchorFinding(a: AnchorResult): Pick<Finding, 'severity' | 'message' | 'rule'> {
  const where = a.lines ? `${a.path}:${a.lines}` : a.path;
  const similarity = a.similarity !== undefined ? ` (${Math.round(a.similarity * 100)}% similar)` : '';
  if (a.status === 'orphaned') return { severity: 'error', rule: 'anchor-orphaned', message: `anchor ${a.was} is orphaned: the code is gone` };
  if (a.status === 'moved') return { severity: 'info', rule: 'anchor-moved', message: `anchor ${a.was} moved to ${where} (check --fix updates the note)` };
  return { severity: 'warning', rule: 'anchor-drifted', message: `anchor ${a.was} drifted to ${where}${similarity}: the code was edited; re-anchor it by hand` };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one summary line; its counts are those of the findings printed. */
export function summaryLine(r: CheckReport): string {
  const s = r.statuses;
  return `${plural(r.notes, 'note')}, ${plural(r.anchors.length, 'anchor')}: ${s.fresh} fresh, ${s.moved} moved, ${s.drifted} drifted, ${s.orphaned} orphaned${s.unresolved ? `, ${s.unresolved} not resolved` : ''}; ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}, ${r.infos} info`;
}
