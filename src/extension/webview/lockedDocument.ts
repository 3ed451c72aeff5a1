// What every webview of ours shares: a nonce from crypto randomness, the
// strict CSP, and the document head that carries them. No `vscode` import:
// unit-tested without VS Code.

import { escapeHtml } from '../../core/render/html';

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

export interface DocumentHead {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of the page's stylesheet in media/, as a string. */
  styleUri: string;
  /** BCP 47 language of the UI, `vscode.env.language`. */
  lang: string;
  title: string;
}

/** `<!DOCTYPE html>` through `</head>`: the CSP first, then the stylesheet. */
export function documentHead(d: DocumentHead): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(d.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${cspAttr(contentSecurityPolicy(d.cspSource, d.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(d.styleUri)}">
<title>${escapeHtml(d.title)}</title>
</head>`;
}

/** Escapes a double-quoted attribute value but keeps `'`, so the CSP reads as written: `default-src 'none'`. */
function cspAttr(value: string): string {
  return value.replace(/[&"<>]/g, (c) => escapeHtml(c));
}
