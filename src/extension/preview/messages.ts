// What the preview's script may ask, checked before anything is done: a
// message is untrusted input (the page shows an untrusted note). Shapes and
// ranges are checked here; whether the anchor, topic or link belongs to the
// note is checked by the manager against what it rendered.
// No `vscode` import: unit-tested without VS Code.

import { normalizeRelativePath, unsafePathReason } from '../../core/workspacePath';
import { isExternalUrl } from '../../core/render/linkPolicy';
import { MAX_REPLY_CHARS } from '../../core/dialog/threadHtml';

export type PreviewMessage =
  | { type: 'openAnchor'; index: number }
  | { type: 'revealTopic'; topic: string }
  | { type: 'openLink'; href: string }
  | { type: 'openFile'; path: string }
  | { type: 'endorse' }
  | { type: 'withdraw' }
  | { type: 'reply'; text: string }
  | { type: 'resolve' }
  | { type: 'reopen' };

const MAX_TEXT = 4096;

/** The message as a PreviewMessage, or undefined when it is not one we accept. */
export function parsePreviewMessage(message: unknown): PreviewMessage | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'openAnchor':
      return Number.isSafeInteger(m.index) && (m.index as number) >= 0 ? { type: 'openAnchor', index: m.index as number } : undefined;
    case 'revealTopic':
      return isText(m.topic) ? { type: 'revealTopic', topic: m.topic } : undefined;
    case 'openLink':
      return isText(m.href) && isExternalUrl(m.href) ? { type: 'openLink', href: m.href } : undefined;
    case 'openFile':
      return isText(m.path) && !unsafePathReason(m.path) ? { type: 'openFile', path: normalizeRelativePath(m.path) } : undefined;
    case 'endorse':
      return { type: 'endorse' };
    case 'withdraw':
      return { type: 'withdraw' };
    case 'reply':
      return typeof m.text === 'string' && m.text.trim() !== '' && m.text.length <= MAX_REPLY_CHARS ? { type: 'reply', text: m.text } : undefined;
    case 'resolve':
      return { type: 'resolve' };
    case 'reopen':
      return { type: 'reopen' };
    default:
      return undefined;
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}
