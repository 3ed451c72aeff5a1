// Scoring resolutions against the truth, and the tables the README shows.

import type { AnchorResolution } from '../../src/core/anchors/resolution';
import type { LineRange } from '../../src/core/model';
import type { Truth } from './anchorsCases';

/**
 * For code that still exists: `correct` on its lines (any status but
 * orphaned), `wrong` fresh or moved elsewhere (confidently wrong), `flagged`
 * drifted elsewhere (the user was told to look), `missed` orphaned.
 * For code that is gone: `correct` orphaned or drifted, `wrong` fresh or moved.
 */
export type Outcome = 'correct' | 'wrong' | 'flagged' | 'missed';

export function score(truth: Truth, r: AnchorResolution): Outcome {
  const confident = r.status === 'fresh' || r.status === 'moved';
  if (truth.kind === 'gone') return confident ? 'wrong' : 'correct';
  if (truth.kind === 'rewritten' && r.status === 'orphaned') return 'correct';
  if (r.status !== 'orphaned' && r.lines && r.path === truth.path && onTruth(truth, r.lines)) return 'correct';
  if (r.status === 'orphaned') return 'missed';
  return confident ? 'wrong' : 'flagged';
}

export function onTruth(truth: Exclude<Truth, { kind: 'gone' }>, lines: LineRange): boolean {
  const t = truth.lines;
  if (truth.kind === 'same') return lines.start === t.start && lines.end === t.end;
  const common = Math.min(lines.end, t.end) - Math.max(lines.start, t.start) + 1;
  if (truth.tolerance === 'overlap') return common > 0;
  const union = Math.max(lines.end, t.end) - Math.min(lines.start, t.start) + 1;
  return common * 2 >= union;
}

export class Tally {
  exists = 0;
  gone = 0;
  correct = 0;
  wrong = 0;
  flagged = 0;
  missed = 0;
  goneCorrect = 0;
  goneWrong = 0;
  goneOrphaned = 0;
  /** Right, and said with confidence (fresh or moved): drifted on the right lines is right but makes the user look. */
  confidentCorrect = 0;
  rewritten = 0;
  rewrittenCorrect = 0;
  rewrittenWrong = 0;

  add(truth: Truth, r: AnchorResolution): Outcome {
    const outcome = score(truth, r);
    if (truth.kind === 'rewritten') {
      this.rewritten++;
      if (outcome === 'correct') this.rewrittenCorrect++;
      if (outcome === 'wrong') this.rewrittenWrong++;
      if (r.status !== 'orphaned' && r.lines && r.path === truth.path && onTruth(truth, r.lines)) this.rewrittenOnRemains++;
    } else if (truth.kind === 'gone') {
      this.gone++;
      if (outcome === 'correct') this.goneCorrect++;
      else this.goneWrong++;
      if (r.status === 'orphaned') this.goneOrphaned++;
    } else {
      this.exists++;
      this[outcome]++;
      if (outcome === 'correct' && (r.status === 'fresh' || r.status === 'moved')) this.confidentCorrect++;
    }
    return outcome;
  }

  get total(): number {
    return this.exists + this.gone + this.rewritten;
  }

  /** Share of anchors whose code exists that land on it. */
  get landRate(): number {
    return ratio(this.correct, this.exists);
  }

  /** Share of all anchors shown as fresh or moved on the wrong lines (or on code that is gone). */
  get wrongRate(): number {
    return ratio(this.wrong + this.goneWrong + this.rewrittenWrong, this.total);
  }

  get goneRate(): number {
    return ratio(this.goneCorrect, this.gone);
  }

  /** The stricter reading: rewritten code counted as existing code that must be landed on. */
  get strictLandRate(): number {
    return ratio(this.correct + this.rewrittenOnRemains, this.exists + this.rewritten);
  }

  rewrittenOnRemains = 0;
}

function ratio(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

export function pct(x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`;
}

export interface Row {
  set: string;
  method: string;
  tally: Tally;
}

export function markdownTable(rows: readonly Row[]): string {
  const head = [
    '| set | method | anchors: code exists / gone / rewritten | lands on the code | of which fresh or moved | confidently wrong (of all) | flagged: drifted elsewhere | missed: orphaned | gone: orphaned or drifted (orphaned) | rewritten: on its remains or orphaned |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map(
    ({ set, method, tally: t }) =>
      `| ${set} | ${method} | ${t.exists} / ${t.gone} / ${t.rewritten} | ${pct(t.landRate)} | ${pct(ratio(t.confidentCorrect, t.exists))} | ${pct(t.wrongRate)} | ${pct(ratio(t.flagged, t.exists))} | ` +
      `${pct(ratio(t.missed, t.exists))} | ${pct(t.goneRate)} (${pct(ratio(t.goneOrphaned, t.gone))}) | ${pct(ratio(t.rewrittenCorrect, t.rewritten))} |`,
  );
  return [...head, ...body].join('\n');
}
