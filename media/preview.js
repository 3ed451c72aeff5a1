// The note preview's only script (loaded with the CSP nonce). It never
// navigates: a click on an anchor, topic chip, link or the endorse button
// posts a message, and the extension checks it before doing anything.
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  // Kept by VS Code so the panel can be restored after a reload.
  const note = document.body.getAttribute('data-note');
  if (note) vscode.setState({ note });

  /** @param {Element} el @returns {object | undefined} */
  function messageFor(el) {
    if (el.hasAttribute('data-anchor')) {
      const index = Number(el.getAttribute('data-anchor'));
      return Number.isInteger(index) ? { type: 'openAnchor', index } : undefined;
    }
    if (el.hasAttribute('data-topic')) return { type: 'revealTopic', topic: el.getAttribute('data-topic') };
    if (el.getAttribute('data-action') === 'endorse') return { type: 'endorse' };
    if (el.getAttribute('data-action') === 'withdraw') return { type: 'withdraw' };
    if (el.getAttribute('data-action') === 'reply') {
      const box = document.querySelector('textarea[data-reply-text]');
      const text = box instanceof HTMLTextAreaElement ? box.value : '';
      return text.trim() === '' ? undefined : { type: 'reply', text };
    }
    if (el.getAttribute('data-action') === 'resolve') return { type: 'resolve' };
    if (el.getAttribute('data-action') === 'reopen') return { type: 'reopen' };
    if (el.hasAttribute('data-href')) return { type: 'openFile', path: el.getAttribute('data-href') };
    const href = el.getAttribute('href');
    if (href && /^(https?|mailto):/i.test(href)) return { type: 'openLink', href };
    return undefined;
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('a, button') : null;
    if (!target) return;
    const href = target.getAttribute('href');
    // In-page fragments scroll as usual.
    if (href && href.startsWith('#') && !target.hasAttribute('data-href')) return;
    // Nothing else navigates, and VS Code's own link handler is not reached.
    event.preventDefault();
    event.stopPropagation();
    const message = messageFor(target);
    if (message) vscode.postMessage(message);
  });

  // Links without an href (anchors, workspace files) are focusable: Enter follows them.
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (event.key !== 'Enter' || !target || target.getAttribute('role') !== 'link') return;
    event.preventDefault();
    const message = messageFor(target);
    if (message) vscode.postMessage(message);
  });

  // Middle-click would try to open a link in a new window.
  document.addEventListener('auxclick', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  });

  // Clicks are handled from here on (what waits for the page, a test or a screen reader, can tell).
  document.body.setAttribute('data-script', 'ready');
})();
