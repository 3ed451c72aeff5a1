// What relocating an anchor says (DESIGN.md section 3).

import type { LineRange } from '../model';

export type AnchorStatus = 'fresh' | 'moved' | 'drifted' | 'orphaned';

export interface AnchorResolution {
  status: AnchorStatus;
  /** Where the anchor is now; the recorded path when orphaned. */
  path: string;
  /** 1-based, inclusive. Absent when orphaned. */
  lines?: LineRange;
  /** 0..1, how alike the code found is to the snippet: for moved and drifted. */
  similarity?: number;
  /** Several places matched about equally well: `lines` is the one nearest where the anchor was. */
  ambiguous?: boolean;
}

/**
 * Lowest similarity at which edited code is still shown as the anchor's
 * (drifted) rather than orphaned. Similarity compares the snippet with a
 * region line by line, each pair of lines scored by the tokens they share,
 * lines weighted by how much they say (a lone `}` says little), and sums up
 * as an F-measure that counts lost lines more than added ones. At 0.6 a
 * renamed identifier on every line, or one line in three rewritten, still
 * matches, while code that merely shares keywords and braces does not.
 */
export const DRIFT_THRESHOLD = 0.6;
