import { hasCjk, isHighSurrogate, isLineBreak, isLowSurrogate } from '../../chars';
import type { Measure } from '../../count/measure';
import type { ParsedPost } from '../../parse/post';
import { docsUrl, type FixSpec, type Rule, type RuleContext } from '../../rule';
import { splitIntoThread } from './split';
import { partMeasures, threadParts, type ThreadPart } from '../../parse/thread';

export const lengthRule: Rule = {
  meta: {
    id: 'length',
    family: 'length',
    defaultSeverity: 'error',
    description: { en: 'The post is longer than the platform allows.', zh: '帖子超出了平台的字数上限。' },
    rationale: {
      en: 'The platform refuses the post or cuts it off, so the end of your message never reaches anyone. Shorten it, or split it into a thread.',
      zh: '平台会拒绝发布或直接截断，结尾的内容根本到不了读者眼前。请精简，或拆成一串（thread）。',
    },
    docs: docsUrl('length'),
    fixable: true,
    aboutCount: true,
    spansOverflow: true,
  },
  check(context) {
    const { post, targets, t } = context;
    const published = post.published;
    const namePlatforms = targets.length > 1;
    const splits = new Map<number, FixSpec[]>();
    const splitFor = (index: number): FixSpec[] => {
      let fixes = splits.get(index);
      if (!fixes) splits.set(index, (fixes = splitFixes(context, post, index)));
      return fixes;
    };
    const parts = threadParts(post);
    for (const { spec, measure: whole } of targets) {
      // On platforms that thread replies, each part of a thread is a post of its own.
      const perPart = partMeasures(post, spec);
      const counted: { part: ThreadPart | null; index: number; m: Measure; from: number; to: number }[] = perPart
        ? perPart.map((m, index) => ({ part: parts[index], index, m, from: parts[index].start, to: parts[index].end }))
        : [{ part: null, index: 0, m: whole, from: 0, to: published.text.length }];
      for (const { part, index, m, from, to } of counted) {
        if (m.length <= spec.limit) continue;
        const over = m.length - spec.limit;
        const name = t(spec.name);
        const unit = t(spec.unit);
        const where = part ? { en: `Post ${index + 1} of ${parts.length}: `, zh: `第 ${index + 1}/${parts.length} 条：` } : { en: '', zh: '' };

        // Say what to cut in the writer's units, the characters under the underline, and how the platform weighs them.
        const cutFrom = from + m.offsetAtCount(spec.limit);
        const underlined = published.text.slice(cutFrom, to);
        const chars = codePointsOutsideLineBreaks(underlined) || over;
        const weighed = chars === over ? { en: '', zh: '' } : hasCjk(underlined)
          ? { en: ` (${name} counts each Chinese character as 2: ${over} ${unit} over)`, zh: `（${name} 每个汉字算 2 个字符，共超出 ${over} ${unit}）` }
          : { en: ` (${name} counts them as ${over} ${unit})`, zh: `（${name} 按 ${over} ${unit} 计）` };

        context.report({
          start: published.toSource(cutFrom, 'start'),
          end: published.toSource(to, 'end'),
          platform: namePlatforms ? spec.id : undefined,
          message: t({
            en: `${where.en}${m.length}/${spec.limit}: the last ${chars} characters don't fit on ${name}${weighed.en}.`,
            zh: `${where.zh}${m.length}/${spec.limit}：删掉标出的最后 ${chars} 个字，${name} 才放得下${weighed.zh}。`,
          }),
          // Splitting costs more than the whole lint, and is only needed when the writer asks for it.
          fixes: spec.threads ? () => splitFor(index) : undefined,
        });
      }
    }
  },
};

/** One "Split into a thread" fix per over-long part, shared by that part's findings on every platform. */
function splitFixes(context: RuleContext, post: ParsedPost, index: number): FixSpec[] {
  const targets = context.targets
    .filter((target) => target.spec.threads)
    .map(({ spec, measure: whole }) => ({ spec, length: (partMeasures(post, spec)?.[index] ?? whole).length }));
  // A platform without threads publishes the whole file as one post: numbers written for the thread
  // (`1/2 `) would appear in that post's text, so a split for both writes none, unless the writer numbered already.
  const whole = context.targets.filter((target) => !target.spec.threads).map(({ spec }) => context.t(spec.name));
  const parts = threadParts(post);
  const numbered = whole.length === 0 || parts.some((part) => part.number);
  const split = splitIntoThread(post, parts, index, targets, numbered);
  if (!split) return [];
  const and = context.t({ en: ' and ', zh: '和' });
  const names = targets.map(({ spec }) => context.t(spec.name)).join(and);
  const unnumbered = numbered ? { en: '', zh: '' } : { en: ` (no post numbers: ${whole.join(and)} posts the text whole)`, zh: `（不加序号：${whole.join(and)}整篇发布）` };
  return [
    {
      title: context.t({
        en: `Split into a thread of ${split.total} posts that each fit on ${names}${unnumbered.en}`,
        zh: `拆成 ${split.total} 条的串推（thread），每条都符合${names}的字数${unnumbered.zh}`,
      }),
      edits: split.edits,
      // Where a post breaks into parts is the writer's call: offered, never applied in bulk.
      kind: 'suggestion',
    },
  ];
}

/**
 * Code points, not counting line breaks: what the writer sees to cut. A loop, because the overflow of a
 * megabyte draft is most of it, and an array of its characters cost more than the rest of the lint.
 */
function codePointsOutsideLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A low surrogate finishes a pair already counted at its high half.
    if (isLineBreak(code) || (isLowSurrogate(code) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) continue;
    count++;
  }
  return count;
}
