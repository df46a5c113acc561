// The feed preview's model: what a platform's feed would show of a post, as plain data. The engine
// builds it (`buildPreview`), the language server sends it to the editor as JSON, and one renderer
// (`html.ts`) draws it in the editor's webview and in the CLI's HTML file alike.
import type { Locale, Severity } from '../types';

/** How a stretch of the published text is shown. */
export type PreviewSegmentKind = 'text' | 'hashtag' | 'mention' | 'link' | 'markdown';

export interface PreviewSegment {
  kind: PreviewSegmentKind;
  /** What the reader sees: for a link, the platform's own display form (X: `example.com/blog/launch-p…`). */
  text: string;
  /** UTF-16 offsets of the segment in the draft (the source), for revealing it in the editor. */
  start: number;
  end: number;
  /** A link's target. Absent for a link the platform does not make clickable (Instagram captions). */
  href?: string;
  /** Index into the card's `findings` of the finding marked on this stretch (the innermost one). */
  finding?: number;
  /** After the fold: hidden until the reader expands the post. */
  folded?: boolean;
  /** Past the platform's limit: the platform would refuse or cut it. */
  over?: boolean;
}

export type PreviewMediaKind = 'image' | 'missing' | 'remote' | 'video';

export interface PreviewMedia {
  /** `image`: a local file that exists; `missing`: a local file that does not; `remote`: an http(s) image (never fetched); `video`: a video link shown as a card. */
  kind: PreviewMediaKind;
  /** The path or URL as the draft writes it. */
  src: string;
  alt: string;
  /** Source offsets of the image syntax, tag or link. */
  start: number;
  end: number;
}

export interface PreviewPart {
  /** 1-based position in the thread, and the thread's length (1 for a single post). */
  index: number;
  total: number;
  segments: PreviewSegment[];
  /** The part's count in the platform's units, and the limit it is held to. */
  count: number;
  limit: number;
  /** Where the feed folds this part, in the platform's units, when the part is longer than that. */
  fold?: number;
  /** Media attached to this part, in the order written; the feed shows the first `shown` of them. */
  media: PreviewMedia[];
  shown: number;
}

export interface PreviewFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** Source offsets and the 0-based line/character of the start, for revealing it. */
  start: number;
  end: number;
  line: number;
  character: number;
  /** Whether the finding is marked in the text (false for findings on hidden text such as front matter). */
  marked: boolean;
}

export interface PreviewCard {
  platform: string;
  /** The platform's name in the message language (`微博`, `LinkedIn`). */
  name: string;
  /** The count's unit in the message language. */
  unit: string;
  parts: PreviewPart[];
  findings: PreviewFinding[];
}

export interface PreviewAccount {
  name: string;
  handle: string;
}

export interface PreviewModel {
  locale: Locale;
  /** The draft's file name, for the page title; absent for an unsaved draft. */
  title?: string;
  account: PreviewAccount;
  cards: PreviewCard[];
}
