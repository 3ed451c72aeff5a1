// The note preview's HTML document: a strict CSP with a fresh nonce, the
// stylesheet and script from `media/`, and the note's inner HTML (already
// escaped by core/render). No `vscode` import: unit-tested without VS Code.

import { escapeHtml } from '../../core/render/html';
import { documentHead } from '../webview/lockedDocument';

export interface PreviewDocument {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of media/preview.css and media/preview.js, as strings. */
  styleUri: string;
  scriptUri: string;
  /** BCP 47 language of the UI, `vscode.env.language`. */
  lang: string;
  title: string;
  /** Workspace-relative path of the note, kept in the webview state to restore the panel. */
  notePath: string;
  /** The `<main>` content; trusted HTML (from renderNoteHtml or our own strings, escaped). */
  body: string;
  /** `data-state` on `<body>`: `note` or `deleted`. */
  state?: 'note' | 'deleted';
}

export { makeNonce, contentSecurityPolicy } from '../webview/lockedDocument';

export function previewDocument(d: PreviewDocument): string {
  const attr = escapeHtml;
  return `${documentHead(d)}
<body data-state="${d.state ?? 'note'}" data-note="${attr(d.notePath)}">
<main class="note">
${d.body}
</main>
<script nonce="${attr(d.nonce)}" src="${attr(d.scriptUri)}"></script>
</body>
</html>
`;
}
