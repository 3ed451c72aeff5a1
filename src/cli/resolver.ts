// The anchor resolver the CLI uses: relocation from the snippet.
import { relocateAnchor } from '../core/anchors';
import type { Resolver } from '../core/checkAnchors';
import type { CliContext } from './context';

export function resolverFor(_ctx: CliContext): Resolver {
  return (anchor, text) => relocateAnchor(anchor, { text });
}
