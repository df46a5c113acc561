// The one renderer of the preview: the editor's webview and the CLI's HTML file draw the same cards
// from the same model. Pure string building (no DOM, no Node): it runs in the extension, in a browser
// build of it and in the CLI. Everything from the draft is escaped.
//
// The contract checks rely on: each card `data-platform`, each thread part `data-part="k/n"`, the fold
// marker `data-fold`, each media slot `data-media`, each marked finding `data-rule` (with `data-finding`,
// its index in the card's findings, and `data-start`/`data-end`, its source offsets).
import { inLocale, type Localized } from '../types';
import type { PreviewCard, PreviewMedia, PreviewModel, PreviewPart, PreviewSegment } from './model';
import { previewStyles } from './styles';
import { FOLD_LABELS, PREVIEW_WORDS } from './words';

export interface PreviewHtmlOptions {
  /** `webview`: colours from the editor's theme; `standalone`: from the reader's system. */
  host: 'webview' | 'standalone';
  /** The URL an existing local image is shown from (the webview's resource URI, a data URI, a relative path); absent: a placeholder. */
  mediaUrl?: (media: PreviewMedia) => string | undefined;
}

export interface PreviewDocumentOptions extends PreviewHtmlOptions {
  /** A Content-Security-Policy for the page (the webview's, with its nonce); absent: no scripts, no remote loads. */
  csp?: string;
  /** The nonce the CSP allows the page's style sheet and script by. */
  nonce?: string;
  /** The webview's script (needs `nonce`). */
  script?: string;
}

/** A finding longer than this many characters is drawn as an underline only (see the style sheet). */
const WIDE_FINDING = 80;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A page with every model's cards: one model per draft. */
export function renderPreviewDocument(models: readonly PreviewModel[], options: PreviewDocumentOptions): string {
  const locale = models[0]?.locale ?? 'en';
  const t = translator(locale);
  // With no script of its own, the standalone page forbids all scripts and every load but its own inline images.
  const csp = options.csp ?? "default-src 'none'; style-src 'unsafe-inline'; img-src data: file: 'self'; media-src 'none'";
  const body = models.map((model) => renderCards(model, options)).join('\n');
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  const script = options.script ? `<script${nonce}>${options.script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(models.length === 1 && models[0].title ? `${models[0].title} · ${t(PREVIEW_WORDS.title)}` : t(PREVIEW_WORDS.title))}</title>
<style${nonce}>${previewStyles(options.host)}</style>
</head>
<body>
<main id="root">${body}</main>
${script}
</body>
</html>
`;
}

/** One draft's cards, as the page's body holds them (the webview replaces just this on each update). */
export function renderCards(model: PreviewModel, options: PreviewHtmlOptions): string {
  const t = translator(model.locale);
  const title = model.title ? `<h1>${escapeHtml(model.title)}</h1>` : '';
  const cards = model.cards.map((card, c) => renderCard(model, card, `${slug(model.title ?? 'post')}-${c}`, options, t)).join('\n');
  return `<section class="draft">${title}<div class="cards">${cards}</div></section>`;
}

type Translate = (text: Localized) => string;

function translator(locale: string): Translate {
  return (text) => inLocale(text, locale);
}

function renderCard(model: PreviewModel, card: PreviewCard, id: string, options: PreviewHtmlOptions, t: Translate): string {
  const head = `<header class="card-head"><span class="platform">${escapeHtml(card.name)}</span><span class="finding-count" data-findings="${card.findings.length}">${escapeHtml(t(PREVIEW_WORDS.findings(card.findings.length)))}</span></header>`;
  const parts = card.parts.length > 0 ? card.parts.map((part) => renderPart(model, card, part, `${id}-${part.index}`, options, t)).join('') : `<p class="post empty">${escapeHtml(t(PREVIEW_WORDS.nothing))}</p>`;
  const unmarked = card.findings.map((f, i) => ({ f, i })).filter(({ f }) => !f.marked);
  const list = unmarked.length
    ? `<div class="unmarked">${escapeHtml(t(PREVIEW_WORDS.unmarked))}<ul>${unmarked
        .map(({ f, i }) => `<li data-finding="${i}" data-start="${f.start}" data-end="${f.end}" title="${escapeHtml(f.rule)}">${escapeHtml(`${f.line + 1}:${f.character + 1} ${f.message}`)}</li>`)
        .join('')}</ul></div>`
    : '';
  return `<article class="card p-${escapeHtml(card.platform)}" data-platform="${escapeHtml(card.platform)}">${head}${parts}${list}</article>`;
}

function renderPart(model: PreviewModel, card: PreviewCard, part: PreviewPart, id: string, options: PreviewHtmlOptions, t: Translate): string {
  const label = `${part.index}/${part.total}`;
  const threaded = part.total > 1;
  const handle = ['x', 'threads', 'mastodon', 'bluesky', 'instagram'].includes(card.platform) ? `<span class="handle">@${escapeHtml(model.account.handle)}</span>` : '';
  const number = threaded ? `<span class="part-number" title="${escapeHtml(t(PREVIEW_WORDS.part(part.index, part.total)))}">${label}</span>` : '';
  const who = `<div class="who"><span class="name">${escapeHtml(model.account.name)}</span>${handle}${number}</div>`;
  const over = part.count > part.limit;
  const count = `<div class="count${over ? ' is-over' : ''}" data-count="${part.count}" data-limit="${part.limit}">${escapeHtml(t(PREVIEW_WORDS.count(part.count, part.limit, card.unit)))}${over ? ` · ${escapeHtml(t(PREVIEW_WORDS.over(part.count - part.limit)))}` : ''}</div>`;
  return `<div class="post${threaded ? ' threaded' : ''}" data-part="${label}">${avatar(t)}<div class="main">${who}${renderText(card, part, id, t)}${renderMedia(part, options, t)}${count}</div></div>`;
}

function renderText(card: PreviewCard, part: PreviewPart, id: string, t: Translate): string {
  const before: string[] = [];
  const after: string[] = [];
  for (const segment of part.segments) (segment.folded ? after : before).push(renderSegment(card, segment));
  if (after.length === 0) return `<div class="text">${before.join('')}</div>`;
  const label = FOLD_LABELS[card.platform] ?? { en: 'Show more', zh: '显示更多' };
  const toggle = `fold-${escapeHtml(id)}`;
  return `<div class="text"><input type="checkbox" class="fold-toggle" id="${toggle}">${before.join('')}<label class="fold" for="${toggle}" data-fold="${part.fold ?? ''}">${escapeHtml(t(label))}</label><span class="rest">${after.join('')}</span></div>`;
}

function renderSegment(card: PreviewCard, segment: PreviewSegment): string {
  const text = escapeHtml(segment.text);
  let inner: string;
  switch (segment.kind) {
    case 'hashtag':
      inner = `<span class="tag">${text}</span>`;
      break;
    case 'mention':
      inner = `<span class="mention">${text}</span>`;
      break;
    case 'link':
      inner = segment.href ? `<a class="link" href="${escapeHtml(segment.href)}" title="${escapeHtml(segment.href)}">${text}</a>` : `<span class="link">${text}</span>`;
      break;
    case 'markdown':
      inner = `<span class="raw">${text}</span>`;
      break;
    default:
      inner = text;
  }
  if (segment.over) inner = `<span class="over">${inner}</span>`;
  if (segment.finding === undefined) return inner;
  const finding = card.findings[segment.finding];
  const wide = finding.end - finding.start > WIDE_FINDING ? ' wide' : '';
  return `<mark class="finding sev-${finding.severity}${wide}" data-rule="${escapeHtml(finding.rule)}" data-finding="${segment.finding}" data-start="${finding.start}" data-end="${finding.end}" title="${escapeHtml(`${finding.message} (${finding.rule})`)}">${inner}</mark>`;
}

function renderMedia(part: PreviewPart, options: PreviewHtmlOptions, t: Translate): string {
  if (part.media.length === 0) return '';
  const shown = part.media.slice(0, part.shown);
  const hidden = part.media.length - shown.length;
  const slots = shown.map((media, i) => renderSlot(media, options, t, i === shown.length - 1 ? hidden : 0)).join('');
  const note = hidden > 0 ? `<div class="note">${escapeHtml(t(PREVIEW_WORDS.notShown(hidden)))}</div>` : '';
  return `<div class="media n${Math.min(shown.length, 9)}${shown.length > 4 ? ' many' : ''}">${slots}</div>${note}`;
}

function renderSlot(media: PreviewMedia, options: PreviewHtmlOptions, t: Translate, more: number): string {
  const attributes = `class="slot" data-media="${media.kind}" data-src="${escapeHtml(media.src)}" data-start="${media.start}" data-end="${media.end}"`;
  const badge = more > 0 ? `<span class="more">${escapeHtml(t(PREVIEW_WORDS.more(more)))}</span>` : '';
  const alt = escapeHtml(media.alt);
  if (media.kind === 'video') return `<figure ${attributes}><div class="caption"><div class="play">▶</div>${escapeHtml(t(PREVIEW_WORDS.video))} · ${escapeHtml(media.src)}</div>${badge}</figure>`;
  const url = media.kind === 'image' ? options.mediaUrl?.(media) : undefined;
  if (url !== undefined) return `<figure ${attributes}><img src="${escapeHtml(url)}" alt="${alt}">${badge}</figure>`;
  const why = media.kind === 'remote' ? PREVIEW_WORDS.remote(media.src) : PREVIEW_WORDS.missing(media.src);
  return `<figure ${attributes}><figcaption class="caption">${media.alt ? `${alt}<br>` : ''}${escapeHtml(t(why))}</figcaption>${badge}</figure>`;
}

function avatar(t: Translate): string {
  return `<div class="avatar" role="img" aria-label="${escapeHtml(t(PREVIEW_WORDS.avatar))}"><svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4.5" fill="currentColor"/><path d="M3 22c0-5 4-8 9-8s9 3 9 8z" fill="currentColor"/></svg></div>`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'post';
}
