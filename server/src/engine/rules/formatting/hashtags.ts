import { isHorizontalSpace } from '../../chars';
import { LineIndex } from '../../parse/lines';
import type { ParsedPost } from '../../parse/post';
import { docsUrl, type Rule } from '../../rule';
import type { OffsetEdit } from '../../types';
import { proseIndex, spanOfEdits, toSourceEdit, toSourceSpan, type Hashtag } from './prose';

export const hashtagsRule: Rule = {
  meta: {
    id: 'formatting/hashtags',
    family: 'formatting',
    defaultSeverity: 'warning',
    description: { en: 'More hashtags than the platform\'s readers tolerate.', zh: '话题标签比平台读者能接受的多。' },
    rationale: {
      en: 'A string of hashtags reads as spam and pushes the message out of sight; a few well-chosen ones reach the same people.',
      zh: '一串话题标签看起来像刷屏广告，还把正文挤到了看不见的地方；挑几个最相关的，效果一样。',
    },
    docs: docsUrl('formatting/hashtags'),
    fixable: true,
    options: {
      max: {
        type: 'number',
        default: 0,
        min: 0,
        description: {
          en: "Most hashtags per post; 0 uses the platform's norm (postlint.platforms.<id>.maxHashtags).",
          zh: '每篇最多几个话题标签；0 表示按平台的惯例（postlint.platforms.<id>.maxHashtags）。',
        },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    const { text, hashtags } = proseIndex(post);
    const spec = context.targets[0].spec;
    // Whole tags only: a fractional setting (0.5, or 5e-324 from a generated config) would index past the list.
    const own = Math.floor(context.options.max as number);
    const max = own > 0 ? own : spec.maxHashtags;
    if (hashtags.length <= max) return;
    const extra = hashtags.length - max;
    const edits = removalEdits(post, text, hashtags, max);
    const span = spanOfEdits(toSourceSpan(post, hashtags[max].start, hashtags[hashtags.length - 1].end), edits);
    const platform = t(spec.name);
    const keepEn = max === 1 ? 'the one that matters most' : `the ${max} that matter most`;
    context.report({
      ...span,
      message: t(
        own > 0
          ? {
              en: `${hashtags.length} hashtags where your settings allow ${max}: a string of tags reads as spam and buries the message, so keep ${keepEn}.`,
              zh: `共 ${hashtags.length} 个话题标签，设置只允许 ${max} 个：一串标签像刷屏广告，会淹没正文，只留最要紧的 ${max} 个。`,
            }
          : {
              en: `${hashtags.length} hashtags: on ${platform} more than ${max} reads as spam and buries the message, so keep ${keepEn}.`,
              zh: `共 ${hashtags.length} 个话题标签：在${platform}上超过 ${max} 个就像刷屏广告，会淹没正文，只留最要紧的 ${max} 个。`,
            },
      ),
      fixes: [{ title: t({ en: `Remove the last ${extra} hashtag${extra > 1 ? 's' : ''}`, zh: `删除最后 ${extra} 个话题标签` }), edits }],
    });
  },
};

/**
 * Tags in a list (two or more side by side, or alone at the start or end of a line) go with their spacing;
 * a lone tag inside a sentence keeps its word and loses only its `#` marks, so the sentence still reads.
 */
function removalEdits(post: ParsedPost, text: string, tags: Hashtag[], keep: number): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // Line bounds of the published text, so many tags on one long line stay cheap.
  const lines = new LineIndex(text);
  for (const cluster of clustersOf(text, tags, lines)) {
    const firstExtra = Math.max(cluster.first, keep);
    if (firstExtra > cluster.last) continue;
    if (!cluster.isList) {
      const tag = tags[firstExtra];
      edits.push(toSourceEdit(post, tag.start, tag.start + 1, ''));
      if (tag.kind === 'topic') edits.push(toSourceEdit(post, tag.end - 1, tag.end, ''));
      continue;
    }
    let start = tags[firstExtra].start;
    let end = tags[cluster.last].end;
    const lineStart = lines.lineStarts[lines.lineAt(start)];
    let before = start;
    while (before > lineStart && isHorizontalSpace(text.charCodeAt(before - 1))) before--;
    if (before > lineStart) start = before;
    else while (end < text.length && isHorizontalSpace(text.charCodeAt(end))) end++;
    edits.push(toSourceEdit(post, start, end, ''));
  }
  return edits;
}

interface Cluster {
  /** Indexes into the tag list, inclusive. */
  first: number;
  last: number;
  isList: boolean;
}

function clustersOf(text: string, tags: Hashtag[], lines: LineIndex): Cluster[] {
  const clusters: Cluster[] = [];
  for (let i = 0; i < tags.length; ) {
    let j = i;
    while (j + 1 < tags.length && onlySpaces(text, tags[j].end, tags[j + 1].start)) j++;
    const isList = j > i || onlySpaces(text, lines.lineStarts[lines.lineAt(tags[i].start)], tags[i].start) || onlySpaces(text, tags[j].end, lines.lineEnd(lines.lineAt(tags[j].end)));
    clusters.push({ first: i, last: j, isList });
    i = j + 1;
  }
  return clusters;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHorizontalSpace(text.charCodeAt(i))) return false;
  return true;
}
