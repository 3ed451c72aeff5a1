// The dashboard's only script (loaded with the CSP nonce). A click on a card,
// a legend entry or a topic posts {type: 'command', id, arg?}; the extension
// runs it only when it is on its allow-list. Nothing here navigates.
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-command]') : null;
    if (!target) return;
    event.preventDefault();
    const id = target.getAttribute('data-command');
    const arg = target.getAttribute('data-arg');
    vscode.postMessage(arg === null ? { type: 'command', id } : { type: 'command', id, arg });
  });

  // Middle-click would try to open a link in a new window.
  document.addEventListener('auxclick', (event) => event.preventDefault());
})();
