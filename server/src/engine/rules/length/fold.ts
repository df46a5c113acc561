import { docsUrl, type Rule } from '../../rule';

const FOLD_LABEL: Record<string, { en: string; zh: string }> = {
  weibo: { en: '展开全文 ("show full text")', zh: '“展开全文”' },
  linkedin: { en: '"…see more"', zh: '“…see more”' },
  instagram: { en: '"… more"', zh: '“… more”' },
  facebook: { en: '"See more"', zh: '“See more”' },
};

export const foldRule: Rule = {
  meta: {
    id: 'length/fold',
    family: 'length',
    // Information, not a hint: what the feed shows before the fold is the post most readers see, and the
    // seed article's first reason posts fail is length past what the feed shows; editors flag it.
    defaultSeverity: 'information',
    description: { en: 'The post runs past the point where the feed folds it.', zh: '帖子超过了信息流折叠的位置。' },
    rationale: {
      en: 'In the feed, readers see only the text before the fold; most never tap to expand. Put the point of the post before it.',
      zh: '在信息流里，读者只看得到折叠前的文字，大多数人不会点开全文。把最想说的话放在折叠之前。',
    },
    docs: docsUrl('length/fold'),
    fixable: false,
    aboutCount: true,
  },
  check(context) {
    const { post, targets, t } = context;
    const published = post.published;
    for (const { spec, measure } of targets) {
      if (spec.fold === undefined || measure.length <= spec.fold || spec.fold >= spec.limit) continue;
      const at = measure.offsetAtCount(spec.fold);
      const start = published.toSource(at, 'start');
      const codePoint = post.text.codePointAt(start) ?? 0;
      const label = FOLD_LABEL[spec.id];
      context.report({
        start,
        end: start + (codePoint > 0xffff ? 2 : 1),
        platform: targets.length > 1 ? spec.id : undefined,
        message: t({
          en: `${spec.name.en} folds after ${spec.fold} ${spec.unit.en}${label ? ` behind ${label.en}` : ''}: most readers see only this much.`,
          zh: `${spec.name.zh}在 ${spec.fold} ${spec.unit.zh}后折叠${label ? `（显示${label.zh}）` : ''}：大多数读者只看得到前面这些。`,
        }),
      });
    }
  },
};
