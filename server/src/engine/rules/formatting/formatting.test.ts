import assert from 'node:assert/strict';
import { lint, type Diagnostic, type PostlintSettings } from '../..';
import { applyFirstOffers, applyPreferredFixes } from '../../../../../test/helpers/applyFixes';

// Each case: the post, what the rule flags (the text of each finding), and the post after taking each
// finding's first offer. For a rule whose offers are suggestions, fix-all must leave the post as it is.

function run(rule: string, text: string, settings: PostlintSettings = {}): { flagged: string[]; fixed: string; findings: Diagnostic[] } {
  const findings = lint(text, settings).diagnostics.filter((d) => d.rule === rule);
  const suggestionsOnly = findings.every((d) => d.fixes.every((f) => f.kind === 'suggestion'));
  if (suggestionsOnly) assert.equal(applyPreferredFixes(text, findings, rule), text, 'fix-all applies no suggestion');
  return { flagged: findings.map((d) => text.slice(d.start, d.end)), fixed: suggestionsOnly ? applyFirstOffers(text, findings) : applyPreferredFixes(text, findings, rule), findings };
}

type Case = [text: string, flagged: string[], fixed: string, settings?: PostlintSettings];

function cases(rule: string, table: Record<string, Case>): void {
  for (const [name, [text, flagged, fixed, settings]] of Object.entries(table)) {
    it(name, () => {
      const result = run(rule, text, settings);
      assert.deepEqual(result.flagged, flagged);
      assert.equal(result.fixed, fixed);
    });
  }
}

describe('formatting/markdown', () => {
  cases('formatting/markdown', {
    'ATX heading with closing hashes': ['## Launch day ##\n\nText', ['## Launch day ##'], 'Launch day\n\nText'],
    'setext heading': ['Launch day\n---\n\nText', ['Launch day\n---'], 'Launch day\n\nText'],
    'bold and italics, both delimiters': [
      'A **bold** and __strong__ and *soft* and _quiet_ claim, obj.__init__() stays.',
      ['**bold**', '__strong__', '*soft*', '_quiet_'],
      'A bold and strong and soft and quiet claim, obj.__init__() stays.',
    ],
    'bold between Chinese characters': ['这是**重点**内容', ['**重点**'], '这是重点内容'],
    'inline code': ['Run `npm test` first.', ['`npm test`'], 'Run npm test first.'],
    'link becomes text then URL': ['Read [the notes](https://example.com/notes) today.', ['[the notes](https://example.com/notes)'], 'Read the notes https://example.com/notes today.'],
    'a URL never runs into the next Chinese word': ['看[文档](https://example.com)吧', ['[文档](https://example.com)'], '看文档 https://example.com 吧'],
    'block quote, nested markers included': ['Intro\n\n> Quoted line\n> > nested\n\nAfter', ['> Quoted line\n> > nested'], 'Intro\n\nQuoted line\nnested\n\nAfter'],
    'table rows become lines, delimiter row goes': [
      '| Plan | Price |\n|---|:---:|\n| Pro | $9 |\n| Team | | \n',
      ['| Plan | Price |\n|---|:---:|\n| Pro | $9 |\n| Team | | '],
      'Plan · Price\nPro · $9\nTeam\n',
    ],
    'fence lines go, code stays': ['Code:\n\n```js\nlet x = 1;\n```\n\nDone', ['```js\nlet x = 1;\n```'], 'Code:\n\nlet x = 1;\n\nDone'],
    'rule between blank lines': ['One\n\n---\n\nTwo', ['---\n\n'], 'One\n\nTwo'],
    'rule right after a paragraph leaves one blank line': ['One\n***\nTwo', ['***\n'], 'One\n\nTwo'],
    'constructs inside a quote each keep to their own markup': [
      '> # Title\n> **bold**',
      ['> # Title\n> **bold**', '# Title', '**bold**'],
      'Title\nbold',
    ],
    'plain-text look-alikes stay': [
      'snake_case_name, 2*3*4, *^_^*, -_- ok -_-, #hashtag, >50% of us\n\n* bullet one\n* bullet two\n\n1. first\n\n![alt](a.png) <!-- **note** -->',
      [],
      'snake_case_name, 2*3*4, *^_^*, -_- ok -_-, #hashtag, >50% of us\n\n* bullet one\n* bullet two\n\n1. first\n\n![alt](a.png) <!-- **note** -->',
    ],
    'a "~~~~>" line is decoration, not a fence': ['~~~~> RT this\nplease', [], '~~~~> RT this\nplease'],
    'a Weibo emoticon before an aside is not a link': ['开心[偷笑](他还不知道呢)', [], '开心[偷笑](他还不知道呢)'],
    'allow leaves a kind alone': ['# Title **bold**', ['**bold**'], '# Title bold', { rules: { 'formatting/markdown': { allow: ['heading'] } } }],
  });

  it('names the platform and the markup, in both languages', () => {
    const text = '---\nplatform: weibo\n---\n## 标题\n';
    assert.match(lint(text, { locale: 'en' }).diagnostics.find((d) => d.rule === 'formatting/markdown')!.message, /^Weibo .*"##"/);
    assert.match(lint(text, { locale: 'zh-CN' }).diagnostics.find((d) => d.rule === 'formatting/markdown')!.message, /^微博.*“##”/);
  });
});

describe('formatting/wall-of-text', () => {
  const zhSentence = '我们花了三个月，把每一条帖子都当成一次对话来写，先听用户在聊什么。'; // 33 characters
  const enSentence = 'We rebuilt our onboarding from scratch this quarter, and it paid off. '; // 70 characters

  it('flags a Chinese paragraph over 180 characters and breaks it at the sentence end nearest the middle', () => {
    const text = zhSentence.repeat(6);
    const { flagged, fixed, findings } = run('formatting/wall-of-text', text);
    assert.deepEqual(flagged, [text]);
    assert.match(findings[0].message, /198 Chinese characters/);
    assert.equal(fixed, `${zhSentence.repeat(3)}\n\n${zhSentence.repeat(3)}`);
  });

  it('keeps paragraphs within the limits', () => {
    assert.deepEqual(run('formatting/wall-of-text', zhSentence.repeat(4)).flagged, []);
    // 165 characters in five full sentences: about eight lines on a phone, read sentence by sentence.
    assert.deepEqual(run('formatting/wall-of-text', zhSentence.repeat(5)).flagged, []);
    assert.deepEqual(run('formatting/wall-of-text', enSentence.repeat(4).trim()).flagged, []);
    assert.deepEqual(run('formatting/wall-of-text', `${zhSentence.repeat(4)}\n\n${zhSentence.repeat(4)}`).flagged, []);
  });

  it('weighs each line alone: every platform shows a line break, so a notice of short lines is no wall', () => {
    const notice = `${zhSentence.repeat(2)}\n${zhSentence.repeat(2)}\n${zhSentence.repeat(2)}`;
    assert.deepEqual(run('formatting/wall-of-text', notice).flagged, []);
    const lines = `${enSentence.repeat(3).trim()}\n${enSentence.repeat(3).trim()}`;
    assert.deepEqual(run('formatting/wall-of-text', lines).flagged, []);
    // One long line among short ones is still a wall, and only that line is underlined.
    const oneLong = `短短一行。\n${zhSentence.repeat(6)}\n短短一行。`;
    assert.deepEqual(run('formatting/wall-of-text', oneLong).flagged, [zhSentence.repeat(6)]);
  });

  it('flags English over 280 characters and splits until every piece fits', () => {
    const text = enSentence.repeat(9).trim();
    const { flagged, fixed } = run('formatting/wall-of-text', text);
    assert.equal(flagged.length, 1);
    assert.deepEqual(
      fixed.split('\n\n').map((p) => p.length <= 280),
      fixed.split('\n\n').map(() => true),
    );
    assert.equal(fixed.replace(/\n\n/g, ' '), text);
  });

  it('flags a Chinese paragraph with no sentence end inside from 150 characters', () => {
    const runOn = `${'我们花了三个月，把每一条帖子都当成一次对话来写，'.repeat(7)}先听用户在聊什么。`; // 177 characters, commas only
    const [finding] = run('formatting/wall-of-text', runOn).findings;
    assert.match(finding.message, /177 Chinese characters in one breath/);
    assert.equal(finding.fixes.length, 0);
    assert.deepEqual(run('formatting/wall-of-text', runOn.slice(-140)).flagged, []);
  });

  it('weighs mixed text character by character: a CJK character counts 280/180 of a Latin one', () => {
    const mixed = `${'中。'.repeat(50)}${'a'.repeat(140)}`; // 100 × 280/180 + 140 ≈ 296 > 280
    assert.equal(run('formatting/wall-of-text', mixed).flagged.length, 1);
    assert.equal(run('formatting/wall-of-text', `${'中。'.repeat(40)}${'a'.repeat(140)}`).flagged.length, 0);
  });

  it('keeps quote markers and list indentation at the break', () => {
    const quoted = `> ${enSentence.repeat(5).trim()}`;
    assert.match(run('formatting/wall-of-text', quoted).fixed, /off\.\n>\n> We/);
    const listed = `- ${enSentence.repeat(5).trim()}`;
    assert.match(run('formatting/wall-of-text', listed).fixed, /off\.\n\n {2}We/);
  });

  it('does not count a list marker, nor break after its "1."', () => {
    // Found by the fix property: "1." was taken for a sentence end, so fix-all emptied the item and left the
    // paragraph as long as before. Its text here is 279 characters: within the limit once the marker is left out.
    assert.deepEqual(run('formatting/wall-of-text', `1. buy now\n${'a'.repeat(272)}`).flagged, []);
    const long = `1. buy now\n${'a'.repeat(120)}汉${'a'.repeat(160)}`;
    const { flagged, fixed } = run('formatting/wall-of-text', long);
    assert.equal(flagged.length, 1);
    // The only full stop is the marker's: there is nowhere to break, so no fix is offered.
    assert.equal(fixed, long);
  });

  it('offers a partial split by hand only, never in fix-all', () => {
    const text = `${'a'.repeat(100)}. ${'b'.repeat(400)}`;
    const [finding] = run('formatting/wall-of-text', text).findings;
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].preferred, false);
    assert.match(finding.fixes[0].title, /part stays long/);
  });

  it('takes its limits from options', () => {
    const settings = { rules: { 'formatting/wall-of-text': { maxChars: 100 } } };
    assert.equal(run('formatting/wall-of-text', enSentence.repeat(2).trim(), settings).flagged.length, 1);
    const problems = lint('x', { rules: { 'formatting/wall-of-text': { maxCjkChars: 'long' } } }).configProblems;
    assert.deepEqual(problems.map((p) => p.key), ['postlint.rules.formatting/wall-of-text.maxCjkChars']);
  });
});

describe('formatting/punctuation', () => {
  cases('formatting/punctuation', {
    'half-width marks between Chinese characters': [
      '有一些读者向我诉苦,他们也开设了企业账号.真的有用吗?ROI真的高吗',
      [',', '.', '?'],
      '有一些读者向我诉苦，他们也开设了企业账号。真的有用吗？ROI真的高吗',
    ],
    'the spaces typed after a half-width mark go with it': ['诉苦, 他们说:好的; 然后呢', [', ', ':', '; '], '诉苦，他们说：好的；然后呢'],
    'Latin or a digit right before Chinese': ['OK,好的 3,好的 Tips:记得', [',', ',', ':'], 'OK，好的 3，好的 Tips：记得'],
    'parentheses around Chinese, and the comma after them': ['先听(评论、私信都算),再说', ['(评论、私信都算)', ','], '先听（评论、私信都算），再说'],
    'decimals, times, URLs, English, ellipses, Latin parentheses and emoticons stay': [
      '价格3.5元，时间10:30，见 https://example.com/a?b=1,c.html 和 Hello, world. It is fine... 而(note)不变，哈哈:)',
      [],
      '价格3.5元，时间10:30，见 https://example.com/a?b=1,c.html 和 Hello, world. It is fine... 而(note)不变，哈哈:)',
    ],
    'the colon of a Weibo reply or repost stays': ['回复@小王:收到 //@小李:好的', [], '回复@小王:收到 //@小李:好的'],
    'runs collapse to one mark, full-width in Chinese, "?" for "?!"': [
      '真的吗？？ 太好了!! 什么?! Really?! Wow!!!',
      ['？？', '!!', '?!', '?!', '!!!'],
      '真的吗？ 太好了！ 什么？ Really? Wow!',
    ],
    'repeatedMarks: false leaves runs alone': ['太好了!!', [], '太好了!!', { rules: { 'formatting/punctuation': { repeatedMarks: false } } }],
    'code is not prose': ['`a,b`中文,\n\n```\n中文,代码\n```', [','], '`a,b`中文，\n\n```\n中文,代码\n```'],
  });
});

describe('formatting/shouting', () => {
  cases('formatting/shouting', {
    'runs of three or more, in sentence case': [
      'THIS IS HUGE news. We love NASA API CEO talks. BIG NEWS: WE ARE HIRING',
      ['THIS IS HUGE', 'BIG NEWS: WE ARE HIRING'],
      'This is huge news. We love NASA API CEO talks. Big news: we are hiring',
    ],
    'single letters neither count nor break a run; "I" stays': ['I AM SO HAPPY today', ['AM SO HAPPY'], 'I am so happy today'],
    'URLs, hashtags and mentions are not words': ['Visit https://EXAMPLE.COM/ABC/DEF #BIGSALE #NOW #TODAY @BIGBRAND', [], 'Visit https://EXAMPLE.COM/ABC/DEF #BIGSALE #NOW #TODAY @BIGBRAND'],
    'acronyms from the option do not count': ['FREE SHIPPING TODAY', [], 'FREE SHIPPING TODAY', { rules: { 'formatting/shouting': { acronyms: ['FREE'] } } }],
    'minWords tunes the run length': ['BIG NEWS today', ['BIG NEWS'], 'Big news today', { rules: { 'formatting/shouting': { minWords: 2 } } }],
  });
});

describe('formatting/hashtags', () => {
  cases('formatting/hashtags', {
    'a trailing list loses its extra tags with their spaces': ['Great day #one #two #three #four #five', [' #four #five'], 'Great day #one #two #three'],
    'a tag inside a sentence keeps its word': ['I love #coffee and #tea with #milk and #sugar today', ['#sugar'], 'I love #coffee and #tea with #milk and sugar today'],
    'a leading list': ['#tbt #love #summer #beach Great day', [' #beach'], '#tbt #love #summer Great day'],
    'Weibo topics count one each': ['今天#话题一#真好 #话题二# #话题三# #话题四#', [' #话题四#'], '今天#话题一#真好 #话题二# #话题三#', { platform: 'weibo' }],
    'Instagram allows ten': ['#a #b #c #d #e', [], '#a #b #c #d #e', { platform: 'instagram' }],
    'postlint.platforms.<id>.maxHashtags': ['#a #b #c #d #e', [' #e'], '#a #b #c #d', { platforms: { x: { maxHashtags: 4 } } }],
    'the max option overrides the platform': ['#a #b #c #d', [' #b #c #d'], '#a', { rules: { 'formatting/hashtags': { max: 1 } } }],
    'headings, #1, anchors and URLs are not hashtags': [
      '# Heading\n\n#1 fan, page#anchor https://x.com/#a #b #c #d',
      [],
      '# Heading\n\n#1 fan, page#anchor https://x.com/#a #b #c #d',
    ],
  });
});

describe('formatting/cjk-spacing', () => {
  cases('formatting/cjk-spacing', {
    'each boundary between Chinese and Latin letters or digits': [
      '用VS Code写，共3个，气温25°C左右，访问https://a.com获取',
      ['用V', 'e写', '共3', '3个', '温2', 'C左', '问h', 'm获'],
      '用 VS Code 写，共 3 个，气温 25°C 左右，访问 https://a.com 获取',
    ],
    'code, mentions, topics, hashtags, % and punctuation stay': [
      '`npm`安装，@张三abc你好，#话题abc#里，#tag中文 ，50%的人，中文，English。',
      [],
      '`npm`安装，@张三abc你好，#话题abc#里，#tag中文 ，50%的人，中文，English。',
    ],
    'digits: false leaves numbers alone': ['共3个，用VS写', ['用V', 'S写'], '共3个，用 VS 写', { rules: { 'formatting/cjk-spacing': { digits: false } } }],
  });

  it('is a hint by default, and easy to turn off or raise', () => {
    const text = '用VS写';
    assert.deepEqual(run('formatting/cjk-spacing', text).findings.map((d) => d.severity), ['hint', 'hint']);
    assert.deepEqual(run('formatting/cjk-spacing', text, { rules: { 'formatting/cjk-spacing': 'off' } }).findings, []);
    assert.deepEqual(run('formatting/cjk-spacing', text, { rules: { 'formatting/cjk-spacing': 'warning' } }).findings.map((d) => d.severity), ['warning', 'warning']);
  });
});
