// The captured snippet in the forms the searches need, computed once per anchor.

import { blankKey, exactKey, splitLines } from './lines';
import { shapeOf, type LineShape } from './similarity';

/**
 * Word characters a snippet needs before a match elsewhere can be trusted:
 * a lone `}` or `return;` that turns up on other lines proves nothing.
 */
const MIN_INFORMATIVE_CHARS = 10;

export class Snippet {
  readonly lines: readonly string[];
  readonly exactKeys: readonly string[];
  readonly blankKeys: readonly string[];
  /** True when a unique match elsewhere is evidence enough to call the anchor moved. */
  readonly informative: boolean;
  private shapeList?: LineShape[];

  constructor(text: string) {
    this.lines = splitLines(text);
    this.exactKeys = this.lines.map(exactKey);
    this.blankKeys = this.lines.map(blankKey);
    let chars = 0;
    for (const key of this.blankKeys) chars += key.replace(/[^\p{L}\p{N}_$]/gu, '').length;
    this.informative = chars >= MIN_INFORMATIVE_CHARS;
  }

  get length(): number {
    return this.lines.length;
  }

  get shapes(): readonly LineShape[] {
    this.shapeList ??= this.lines.map(shapeOf);
    return this.shapeList;
  }
}
