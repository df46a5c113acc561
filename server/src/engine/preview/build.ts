// From a parsed post and a platform to the preview model: the published text cut into segments by how
// the feed shows them (hashtags, mentions, links in the feed's display form, Markdown printed raw), the
// fold, the limit, the thread's parts, the media, and the findings marked where they are.
import { extractUrls } from '../count/xWeight';
import { measure, type Measure } from '../count/measure';
import type { PlatformSpec } from '../count/platforms';
import { derive, derivedKey, type ParsedPost } from '../parse/post';
import { findMarkup } from '../rules/formatting/markdown';
import { MENTION, proseIndex, URL_TEXT } from '../rules/formatting/prose';
import { isThread, partAt, partMeasures, threadParts } from '../parse/thread';
import { inLocale, type Diagnostic, type Locale } from '../types';
import { displayLink, hrefOf } from './links';
import { findMedia, MEDIA_SHOWN, type MediaExists } from './media';
import type { PreviewCard, PreviewFinding, PreviewPart, PreviewSegment, PreviewSegmentKind } from './model';

export interface CardOptions {
  locale: Locale;
  /** Whether a local media path exists; absent: every local path counts as missing. */
  mediaExists?: MediaExists;
  /** The platform the findings without one belong to (the post's primary target). */
  primaryPlatform?: string;
}

// Kinds by index into KINDS; 0, plain text, is what a fresh array holds.
const KIND_HASHTAG = 1;
const KIND_MENTION = 2;
const KIND_LINK = 3;
const KIND_MARKDOWN = 4;
const KINDS: readonly PreviewSegmentKind[] = ['text', 'hashtag', 'mention', 'link', 'markdown'];

/** One platform's card for a post. `diagnostics` are the post's findings from `lint`, in source offsets. */
export function buildPreviewCard(post: ParsedPost, spec: PlatformSpec, diagnostics: readonly Diagnostic[], options: CardOptions): PreviewCard {
  const findings = cardFindings(post, spec, diagnostics, options.primaryPlatform ?? spec.id);
  const text = post.published.text;
  const threaded = spec.threads && isThread(post) ? threadParts(post) : [];
  const ranges = threaded.length > 0 ? threaded.map((p) => ({ start: p.start, end: p.end })) : [{ start: 0, end: text.length }];
  const measures: Measure[] = (threaded.length > 0 ? partMeasures(post, spec) : null) ?? [measure(text, spec)];
  const media = findMedia(post, options.mediaExists ?? (() => false));
  const mediaByPart = ranges.map(() => [] as typeof media);
  for (const item of media) mediaByPart[threaded.length > 0 ? partAt(threaded, post.published.toPublished(item.start)) : 0].push(item);

  const kinds = segmentKinds(post, spec.id);
  const parts: PreviewPart[] = ranges.map((range, i) => {
    const m = measures[i];
    const fold = spec.fold !== undefined && m.length > spec.fold ? spec.fold : undefined;
    const part: PreviewPart = {
      index: i + 1,
      total: ranges.length,
      segments: partSegments(post, spec.id, range.start, range.end, kinds, findings, {
        foldAt: fold !== undefined ? range.start + m.offsetAtCount(fold) : Infinity,
        overAt: m.length > spec.limit ? range.start + m.offsetAtCount(spec.limit) : Infinity,
      }),
      count: m.length,
      limit: spec.limit,
      media: mediaByPart[i],
      shown: Math.min(mediaByPart[i].length, MEDIA_SHOWN[spec.id] ?? 4),
    };
    if (fold !== undefined) part.fold = fold;
    return part;
  });
  return { platform: spec.id, name: inLocale(spec.name, options.locale), unit: inLocale(spec.unit, options.locale), parts, findings };
}

function cardFindings(post: ParsedPost, spec: PlatformSpec, diagnostics: readonly Diagnostic[], primary: string): PreviewFinding[] {
  const findings: PreviewFinding[] = [];
  for (const d of diagnostics) {
    // Length findings name their platform when a post targets several; otherwise they are the primary one's.
    const owner = d.platform ?? (d.family === 'length' ? primary : undefined);
    if (owner !== undefined && owner !== spec.id) continue;
    const from = post.published.toPublished(d.start);
    const marked = d.start >= post.bodyStart && (post.published.toPublished(d.end) > from || (d.start === d.end && from < post.published.text.length));
    findings.push({ rule: d.rule, severity: d.severity, message: d.message, start: d.start, end: d.end, line: d.range.start.line, character: d.range.start.character, marked });
  }
  return findings;
}

interface SegmentKinds {
  kind: Uint8Array;
  /** For link characters: the link's start and end in the published text. */
  links: { start: number; end: number }[];
}

/** The kind of every code unit of the published text, and the links as whole spans. */
function segmentKinds(post: ParsedPost, platform: string): SegmentKinds {
  const index = proseIndex(post);
  const text = index.text;
  const kind = new Uint8Array(text.length);
  let links: { start: number; end: number }[] = [];
  if (platform === 'x') {
    // X links what twitter-text finds, `example.com` without a scheme included: the same URLs it counts as 23.
    links = extractUrls(text);
  } else {
    for (let i = 0; i < text.length; i++) {
      if (!(index.mask[i] & URL_TEXT)) continue;
      const start = i;
      while (i < text.length && index.mask[i] & URL_TEXT) i++;
      links.push({ start, end: i });
    }
  }
  for (let i = 0; i < text.length; i++) if (index.mask[i] & MENTION) kind[i] = KIND_MENTION;
  for (const tag of index.hashtags) {
    // Weibo links only its paired topics (`#话题#`); the other feeds link `#tag`, and read `#话题#` as a tag too.
    if (platform === 'weibo' && tag.kind !== 'topic') continue;
    kind.fill(KIND_HASHTAG, tag.start, tag.end);
  }
  const raw = rawMarkup(post);
  // A link broken by raw Markdown (`[words](https://…)`) is shown as the characters it is.
  links = links.filter((link) => !raw.subarray(link.start, link.end).includes(1));
  for (const link of links) kind.fill(KIND_LINK, link.start, link.end);
  for (let i = 0; i < text.length; i++) if (raw[i]) kind[i] = KIND_MARKDOWN;
  return { kind, links };
}

const RAW_MARKUP = derivedKey<Uint8Array>('preview raw markup');

/** 1 for each published character that is Markdown the feeds print raw: the characters the markdown fix removes. Shared by every card of the post. */
function rawMarkup(post: ParsedPost): Uint8Array {
  return derive(post, RAW_MARKUP, () => {
    const published = post.published;
    const raw = new Uint8Array(published.text.length);
    for (const construct of findMarkup(post)) {
      for (const edit of construct.edits) {
        if (edit.newText !== '' || edit.end <= edit.start) continue;
        const from = published.toPublished(edit.start);
        const to = published.toPublished(edit.end);
        if (to > from) raw.fill(1, from, to);
      }
    }
    return raw;
  });
}

function partSegments(
  post: ParsedPost,
  platform: string,
  from: number,
  to: number,
  kinds: SegmentKinds,
  findings: readonly PreviewFinding[],
  cuts: { foldAt: number; overAt: number },
): PreviewSegment[] {
  const published = post.published;
  const text = published.text;
  const marks = new Int32Array(to - from).fill(-1);
  findings.forEach((finding, i) => {
    if (!finding.marked) return;
    const start = published.toPublished(finding.start);
    // A zero-width finding (a missing space) is marked on the character after it.
    const end = Math.max(published.toPublished(finding.end), start + 1);
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    // Findings come in source order, so a later (inner or following) one overwrites an enclosing one.
    if (b > a) marks.fill(i, a - from, b - from);
  });
  const segments: PreviewSegment[] = [];
  let link = 0;
  for (let i = from; i < to; ) {
    const kind = kinds.kind[i];
    let end = i + 1;
    if (kind === KIND_LINK) {
      while (link < kinds.links.length && kinds.links[link].end <= i) link++;
      end = Math.min(to, kinds.links[link]?.end ?? end);
    } else {
      const mark = marks[i - from];
      const folded = i >= cuts.foldAt;
      const over = i >= cuts.overAt;
      while (end < to && kinds.kind[end] === kind && marks[end - from] === mark && end >= cuts.foldAt === folded && end >= cuts.overAt === over) end++;
    }
    segments.push(segmentOf(text, i, end, KINDS[kind], platform, post, marks[i - from], cuts));
    i = end;
  }
  return segments;
}

function segmentOf(text: string, start: number, end: number, kind: PreviewSegmentKind, platform: string, post: ParsedPost, mark: number, cuts: { foldAt: number; overAt: number }): PreviewSegment {
  const shown = text.slice(start, end);
  // Lines that held only an image or a comment are gone from the post: the feed shows one blank line, not several.
  const segment: PreviewSegment = { kind, text: kind === 'text' ? shown.replace(/\n[ \t]*(?:\n[ \t]*)+\n/g, '\n\n') : shown, start: post.published.toSource(start), end: post.published.toSource(end, 'end') };
  if (kind === 'link') {
    const display = displayLink(shown, platform);
    segment.text = display.text;
    if (display.clickable) segment.href = hrefOf(shown);
  }
  if (mark >= 0) segment.finding = mark;
  if (start >= cuts.foldAt) segment.folded = true;
  if (start >= cuts.overAt) segment.over = true;
  return segment;
}
