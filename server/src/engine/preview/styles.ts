// The cards' stylesheet, inlined in the page. Colours are custom properties: in the editor's webview
// they come from VS Code's theme variables (light, dark and high contrast follow the editor), in the
// standalone HTML from the reader's system (prefers-color-scheme, forced colours).

/** Each feed's link colour and card width (notes on feed display; the colours are the feeds' own). */
const PLATFORM_STYLE: Record<string, { accent: string; dark: string; width: number }> = {
  x: { accent: '#1d9bf0', dark: '#1d9bf0', width: 600 },
  weibo: { accent: '#eb7350', dark: '#f08a6c', width: 600 },
  threads: { accent: '#0095f6', dark: '#4cb5f9', width: 600 },
  mastodon: { accent: '#6364ff', dark: '#8c8dff', width: 578 },
  bluesky: { accent: '#1083fe', dark: '#208bfe', width: 600 },
  linkedin: { accent: '#0a66c2', dark: '#71b7fb', width: 555 },
  instagram: { accent: '#00376b', dark: '#e0f1ff', width: 555 },
  facebook: { accent: '#0064d1', dark: '#2d88ff', width: 600 },
  xiaohongshu: { accent: '#ff2442', dark: '#ff4d6a', width: 555 },
};

const STANDALONE_COLOURS = `
:root { color-scheme: light dark; --pl-bg: #f3f4f6; --pl-card: #ffffff; --pl-fg: #0f1419; --pl-muted: #536471; --pl-border: #d9dee3;
  --pl-mark-error: rgba(220, 38, 38, .18); --pl-mark-warning: rgba(234, 179, 8, .28); --pl-mark-info: rgba(59, 130, 246, .18);
  --pl-over: rgba(220, 38, 38, .22); --pl-over-fg: #b91c1c; --pl-slot: #eef1f4; --pl-font: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
@media (prefers-color-scheme: dark) {
  :root { --pl-bg: #0b0d10; --pl-card: #16181c; --pl-fg: #e7e9ea; --pl-muted: #8b98a5; --pl-border: #2f3336; --pl-slot: #22262b;
    --pl-mark-error: rgba(248, 113, 113, .30); --pl-mark-warning: rgba(250, 204, 21, .30); --pl-mark-info: rgba(96, 165, 250, .30); --pl-over: rgba(248, 113, 113, .30); --pl-over-fg: #fca5a5; }
}
@media (forced-colors: active) { .card, .slot, mark.finding { border: 1px solid CanvasText; } mark.finding { forced-color-adjust: none; outline: 2px solid Highlight; } }
`;

const WEBVIEW_COLOURS = `
:root { --pl-bg: var(--vscode-editor-background); --pl-card: var(--vscode-sideBar-background, var(--vscode-editor-background)); --pl-fg: var(--vscode-editor-foreground);
  --pl-muted: var(--vscode-descriptionForeground); --pl-border: var(--vscode-panel-border, var(--vscode-widget-border, #8884)); --pl-slot: var(--vscode-input-background);
  --pl-mark-error: var(--vscode-inputValidation-errorBackground, rgba(220, 38, 38, .25)); --pl-mark-warning: var(--vscode-inputValidation-warningBackground, rgba(234, 179, 8, .3));
  --pl-mark-info: var(--vscode-inputValidation-infoBackground, rgba(59, 130, 246, .25)); --pl-over: var(--vscode-diffEditor-removedTextBackground, rgba(220, 38, 38, .25));
  --pl-over-fg: var(--vscode-errorForeground); --pl-font: var(--vscode-font-family), "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
body.vscode-high-contrast .card, body.vscode-high-contrast .slot, body.vscode-high-contrast-light .card, body.vscode-high-contrast-light .slot { border: 1px solid var(--vscode-contrastBorder); }
body.vscode-high-contrast mark.finding, body.vscode-high-contrast-light mark.finding { outline: 1px dashed var(--vscode-contrastActiveBorder); background: transparent; }
`;

const LAYOUT = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; background: var(--pl-bg); color: var(--pl-fg); font: 15px/1.45 var(--pl-font); }
h1 { font-size: 16px; margin: 8px 0 12px; color: var(--pl-muted); font-weight: 600; }
.cards { display: flex; flex-direction: column; gap: 16px; align-items: flex-start; }
.card { width: min(100%, var(--pl-width)); background: var(--pl-card); border: 1px solid var(--pl-border); border-radius: 12px; overflow: hidden; }
.card-head { display: flex; gap: 12px; align-items: baseline; padding: 8px 14px; border-bottom: 1px solid var(--pl-border); font-size: 13px; color: var(--pl-muted); }
.card-head .platform { font-weight: 700; color: var(--pl-accent); }
.card-head .finding-count { margin-left: auto; }
.post { display: flex; gap: 10px; padding: 12px 14px; position: relative; }
.post + .post { border-top: 1px solid var(--pl-border); }
.post.threaded:not(:last-child)::after { content: ""; position: absolute; left: 33px; top: 58px; bottom: -2px; width: 2px; background: var(--pl-border); }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: var(--pl-slot); color: var(--pl-muted); display: grid; place-items: center; }
.p-mastodon .avatar { border-radius: 8px; }
.main { min-width: 0; flex: 1; }
.who { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.who .name { font-weight: 700; }
.who .handle, .who .part-number { color: var(--pl-muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 2px; }
.tag, .mention, a.link { color: var(--pl-accent); text-decoration: none; }
.p-instagram .mention, .p-x .mention { color: var(--pl-accent); }
.raw { font-family: inherit; background: var(--pl-slot); border-radius: 3px; }
mark.finding { color: inherit; border-bottom: 2px solid currentColor; cursor: pointer; border-radius: 2px; }
mark.sev-error { background: var(--pl-mark-error); text-decoration: wavy underline rgba(220, 38, 38, .9); border-bottom: none; }
mark.sev-warning { background: var(--pl-mark-warning); border-bottom: none; text-decoration: wavy underline rgba(202, 138, 4, .9); }
mark.sev-information, mark.sev-hint { background: var(--pl-mark-info); border-bottom: none; }
/* A finding over a whole paragraph (a wall of text, a hook) is underlined only, so the words inside it stay readable. */
mark.finding.wide { background: transparent; text-decoration: underline dotted; text-decoration-thickness: 2px; }
.over { background: var(--pl-over); }
.fold-toggle { display: none; }
.fold { color: var(--pl-accent); cursor: pointer; font-weight: 600; }
.rest { display: none; }
.fold-toggle:checked ~ .rest { display: inline; }
.fold-toggle:checked ~ .fold { display: none; }
.media { display: grid; gap: 2px; margin-top: 10px; border-radius: 14px; overflow: hidden; grid-template-columns: repeat(var(--pl-cols, 2), 1fr); }
.media.n1 { --pl-cols: 1; }
.p-weibo .media, .p-xiaohongshu .media, .p-linkedin .media.many { --pl-cols: 3; border-radius: 4px; gap: 3px; max-width: 420px; }
.p-weibo .media.n4 { --pl-cols: 2; max-width: 280px; }
.p-weibo .media.n1 { --pl-cols: 1; max-width: 300px; }
.media.n3 > .slot:first-child { grid-row: span 2; }
.p-weibo .media.n3 > .slot:first-child { grid-row: auto; }
.slot { position: relative; margin: 0; background: var(--pl-slot); min-height: 120px; aspect-ratio: 16 / 10; display: grid; place-items: center; overflow: hidden; }
.p-weibo .slot, .p-xiaohongshu .slot { aspect-ratio: 1; min-height: 0; }
.media.n1 .slot { aspect-ratio: auto; max-height: 420px; }
.slot img { width: 100%; height: 100%; object-fit: cover; display: block; }
.media.n1 .slot img { object-fit: contain; height: auto; max-height: 420px; }
.slot .caption { padding: 8px; font-size: 12px; color: var(--pl-muted); text-align: center; overflow-wrap: anywhere; }
.slot[data-media="missing"] { border: 2px dashed var(--pl-over-fg); }
.slot .more { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(0, 0, 0, .45); color: #fff; font-size: 28px; font-weight: 700; }
.slot[data-media="video"] { aspect-ratio: 16 / 9; background: #111; color: #eee; }
.slot[data-media="video"] .play { font-size: 36px; line-height: 1; }
.count { margin-top: 8px; font-size: 12px; color: var(--pl-muted); }
.count.is-over { color: var(--pl-over-fg); font-weight: 700; }
.note { font-size: 12px; color: var(--pl-muted); margin-top: 4px; }
.unmarked { padding: 6px 14px 10px; font-size: 12px; color: var(--pl-muted); border-top: 1px solid var(--pl-border); }
.unmarked li { cursor: pointer; }
.empty { color: var(--pl-muted); font-style: italic; }
`;

export function previewStyles(host: 'webview' | 'standalone'): string {
  const entries = Object.entries(PLATFORM_STYLE);
  const light = entries.map(([id, style]) => `.p-${id} { --pl-accent: ${style.accent}; --pl-width: ${style.width}px; }`).join('\n');
  // Each feed's dark mode has its own lighter link colour; a dark-blue link on a dark card would be unreadable.
  const dark = entries.map(([id, style]) => `${host === 'webview' ? 'body.vscode-dark ' : ''}.p-${id} { --pl-accent: ${style.dark}; }`).join('\n');
  const darkRules = host === 'webview' ? dark : `@media (prefers-color-scheme: dark) {\n${dark}\n}`;
  return `${host === 'webview' ? WEBVIEW_COLOURS : STANDALONE_COLOURS}${LAYOUT}${light}\n${darkRules}\n`;
}
