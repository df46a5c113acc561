// The script inside the preview's webview, as source text (the CSP lets it run by its nonce). It swaps
// in the cards the extension sends, keeping the folds the reader opened; it sends clicks on findings
// back, to be revealed in the editor; and after each render it reports what the page shows (the
// cards' data attributes and text), which is how the extension knows the preview is up to date.
export const WEBVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const data = (element, name) => element.getAttribute('data-' + name);
  const snapshot = () => Array.from(document.querySelectorAll('[data-platform]'), (card) => ({
    platform: data(card, 'platform'),
    parts: Array.from(card.querySelectorAll('[data-part]'), (part) => ({ part: data(part, 'part'), text: (part.querySelector('.text') || part).textContent })),
    folds: Array.from(card.querySelectorAll('[data-fold]'), (fold) => Number(data(fold, 'fold'))),
    media: Array.from(card.querySelectorAll('[data-media]'), (slot) => data(slot, 'media')),
    rules: Array.from(card.querySelectorAll('[data-rule]'), (mark) => data(mark, 'rule')),
  }));
  let shown = 0;
  const rendered = (version) => {
    shown = version;
    vscode.postMessage({
      type: 'rendered',
      version,
      cards: snapshot(),
      theme: document.body.getAttribute('data-vscode-theme-kind') || '',
      loadedImages: Array.from(document.images).filter((image) => image.complete && image.naturalWidth > 0).length,
    });
  };
  // A theme change or an image arriving changes what the page shows: report it again.
  new MutationObserver(() => rendered(shown)).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  document.addEventListener('load', () => rendered(shown), true);
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update') return;
    const open = Array.from(document.querySelectorAll('.fold-toggle:checked'), (toggle) => toggle.id);
    root.innerHTML = message.html;
    for (const id of open) {
      const toggle = document.getElementById(id);
      if (toggle) toggle.checked = true;
    }
    rendered(message.version);
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-finding][data-start]') : null;
    if (!target) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', start: Number(data(target, 'start')), end: Number(data(target, 'end')) });
  });
  vscode.postMessage({ type: 'ready' });
})();`;
