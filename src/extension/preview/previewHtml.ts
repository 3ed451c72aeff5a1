// The note preview's HTML document: a strict CSP with a fresh nonce, the
// stylesheet and script from `media/`, and the note's inner HTML (already
// escaped by core/render). No `vscode` import: unit-tested without VS Code.

import { escapeHtml } from '../../core/render/markdown';

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

/** A nonce from crypto randomness: `globalThis.crypto` exists in Node 20 and in browsers. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewDocument(d: PreviewDocument): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${attr(d.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${cspAttr(contentSecurityPolicy(d.cspSource, d.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(d.styleUri)}">
<title>${escapeHtml(d.title)}</title>
</head>
<body data-state="${d.state ?? 'note'}" data-note="${attr(d.notePath)}">
<main class="note">
${d.body}
</main>
<script nonce="${attr(d.nonce)}" src="${attr(d.scriptUri)}"></script>
</body>
</html>
`;
}

/** Escapes a double-quoted attribute value but keeps `'`, so the CSP reads as written: `default-src 'none'`. */
function cspAttr(value: string): string {
  return value.replace(/[&"<>]/g, (c) => escapeHtml(c));
}
