import { docsUrl, type Rule } from '../../rule';

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
  },
  check(context) {
    const { post, targets, t } = context;
    const published = post.published;
    const namePlatforms = targets.length > 1;
    for (const { spec, measure } of targets) {
      if (measure.length <= spec.limit) continue;
      const cut = measure.offsetAtCount(spec.limit);
      const over = measure.length - spec.limit;
      const name = t(spec.name);
      const unit = t(spec.unit);
      context.report({
        start: published.toSource(cut, 'start'),
        end: published.toSource(published.text.length, 'end'),
        platform: namePlatforms ? spec.id : undefined,
        message: t({
          en: `${measure.length}/${spec.limit}: the last ${over} ${unit} don't fit on ${name}.`,
          zh: `${measure.length}/${spec.limit}：超出 ${over} ${unit}，${name} 放不下标出的这部分。`,
        }),
      });
    }
  },
};
