import assert from 'node:assert/strict';
import { lint, type PostlintSettings } from '../..';

/** Only this family runs, so the assertions see nothing else. */
function findings(text: string, settings: PostlintSettings = {}) {
  const rules = { length: 'off', formatting: 'off', 'hard-selling': 'off', 'no-media': 'off', 'no-hook': 'off', ...(settings.rules ?? {}) } as const;
  return lint(text, { ...settings, rules }).diagnostics;
}

describe('press-release-tone', () => {
  it('a name announcing itself in the third person is a company speaking, even in a short post that asks a question', () => {
    const text = 'Acme is pleased to announce a calmer onboarding flow for new teams.\n\nWhich step still slows your team down?\n\n![The new checklist](checklist.png)';
    assert.deepEqual(findings(text).map((f) => f.message.slice(0, 15)), ['newsroom voice:']);
    assert.deepEqual(findings('Local man is pleased to announce he finished a 1000-piece jigsaw. Took me three weeks. Anyone else?'), []);
  });

  it('does not flag one weak marker alone', () => {
    assert.deepEqual(findings('近日天气转凉，楼下的橘猫天天趴在店门口。'), []);
    assert.deepEqual(findings('今天加班，领导给每个人点了一份热汤面。'), []);
    assert.deepEqual(findings('The gym has a world-class bouldering wall and I finally topped the purple route.'), []);
  });

  it('flags one strong marker, or several weak ones', () => {
    assert.deepEqual(findings('我公司新开了一家门店。').map((d) => d.phrase), ['我公司']);
    assert.deepEqual(findings('近日，领导来店里看了看。').map((d) => d.phrase), ['近日', '领导']);
  });

  it('counts an announcement opened without its subject ("Thrilled to announce …") as a weak newsroom marker', () => {
    const release = 'Thrilled to announce that Acme has partnered with Birch Labs to bring industry-leading soil analytics to farms across the region.';
    assert.deepEqual(findings(release).map((d) => d.phrase), ['thrilled to announce', 'acme has partnered with', 'industry-leading']);
    assert.deepEqual(findings('So excited to announce that I am joining Birch Labs as a designer next month.'), []);
  });

  it('reads a name doing what companies do ("Corvid Robotics has acquired", "has teamed up with") as the company naming itself, even in a short post that asks', () => {
    const partnership = 'Excited to share that Brightwater Analytics has teamed up with Osprey Health to bring predictive staffing to hospitals. What would your ward do with it?';
    assert.deepEqual(findings(partnership).map((d) => d.phrase), ['excited to share that', 'brightwater analytics has teamed up with']);
    assert.deepEqual(findings('Pleased to share that Corvid Robotics has acquired Lumen Vision, bringing best-in-class inspection to warehouses. Questions?').map((d) => d.phrase), ['pleased to share that', 'corvid robotics has acquired', 'best-in-class']);
    // One weak marker alone, or family news in a private voice, is not a release.
    assert.deepEqual(findings('Huge news: Corvid Robotics has acquired Lumen Vision. Anyone know what it means for the API?'), []);
    assert.deepEqual(findings('Proud to say my sister has partnered with the local library to run a kids coding club. Who else learned to code from a library book?'), []);
    assert.deepEqual(findings('Excited to share that I finally finished the Thames Path. What long walk should I do next?'), []);
  });

  it("reads an office's statement header and a society's notice as release furniture", () => {
    const statement = 'Statement from Councillor Priya Nair on library opening hours:\n\n"Keeping branches open on Sundays was a promise."';
    assert.deepEqual(findings(statement).map((d) => d.phrase), ['statement from councillor priya nair']);
    const notice = '北京校友会兹定于6月8日下午2时举行年度联谊会。届时本会将换届选举，敬请各位校友准时出席。';
    assert.deepEqual(findings(notice).map((d) => d.phrase), ['兹定于6月8日下午2时举行', '本会', '敬请各位校友准时出席']);
    assert.deepEqual(findings('读了一份声明，开头是 Statement from the desk of my cat.'), []);
  });

  it('raises the severity when the post is a release from top to bottom', () => {
    const found = findings('本公司隆重推出新品。据悉，发布会日前召开，取得圆满成功。特此公告。');
    assert.ok(found.length >= 6);
    assert.ok(found.every((d) => d.severity === 'warning'));
    assert.equal(findings('我公司新开了一家门店。')[0].severity, 'information');
  });

  it('offers each rewrite, the first preferred, then removal; rewrites stay in the post language', () => {
    const [finding] = findings('We are pleased to announce our second bakery.', { locale: 'zh-CN' });
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.preferred]),
      [
        ["替换为“We're excited to share”", true],
        ["删除“We are pleased to announce”", false],
      ],
    );
    assert.match(finding.message, /^新闻稿用语：“We are pleased to announce”。/);
  });

  it('reads datelines and boilerplate of a pasted release', () => {
    const release = [
      'FOR IMMEDIATE RELEASE',
      'SAN FRANCISCO, Nov. 3, 2026 /PRNewswire/ -- Acme today announced a new arm.',
      'About Acme',
      'Acme is headquartered in San Francisco.',
    ].join('\n');
    const signals = findings(release).map((d) => d.phrase);
    assert.deepEqual(signals, ['for immediate release', 'san francisco, nov. 3, 2026 /prnewswire/ --', 'today announced', 'about acme', 'is headquartered in']);
  });

  it('does not flag a private post that borrows the voice: one that laughs, or a short remark about family or to a friend', () => {
    assert.deepEqual(findings('经全家研究决定，从今天起客厅空调归猫管。特此通知。😂'), []);
    assert.deepEqual(findings('Local man is pleased to announce he has finished a jigsaw. The dog helped. Anyone else puzzling this winter?'), []);
    assert.deepEqual(findings('爷爷八十大寿，全家齐聚一堂，寿宴圆满成功，就是二叔又喝多了。'), []);
    assert.deepEqual(findings('据悉，楼下要开一家火锅店。有人一起去探店吗？'), []);
    assert.deepEqual(findings('央视网消息：今天下午，本喵在沙发上召开重要会议。会议强调，要坚持吃饭睡觉两手抓。'), []);
  });

  it('still flags a notice or a release that names its institution, whatever else it does', () => {
    assert.deepEqual(findings('本公司隆重推出新品，发布会圆满成功哈哈').map((d) => d.phrase), ['本公司', '隆重推出', '圆满成功']);
    assert.ok(findings('物业服务中心通知：明日停水，敬请谅解。特此通知。有疑问吗？').length > 0);
    assert.ok(findings('The Council apologises for any inconvenience. Questions?').length > 0);
    // Laughing changes nothing where an institution speaks; nor does "I" beside an office or a company.
    assert.ok(findings('Brightside Studio is delighted to announce that we have been named Agency of the Year. Still in shock lol.').length > 0);
    assert.ok(findings('I am pleased to announce that I have secured $4.2 million in federal funding for the bridge. I remain committed to ensuring safe roads.').length > 0);
    assert.ok(findings('我很荣幸地宣布，我创办的云帆科技今日完成B轮融资，将进一步加大研发投入。').length > 0);
    // A notice addresses a public (市民, residents), which no one joking about their cat does.
    assert.ok(findings('明天沿线停水，请市民提前储水。敬请谅解！特此通知。有疑问吗？').length > 0);
  });

  it('respects minScore', () => {
    assert.deepEqual(findings('我公司新开了一家门店。', { rules: { 'press-release-tone': { minScore: 3 } } }), []);
  });

  it("flags the team's own phrases", () => {
    const found = findings('兹定于下周一开业。', { words: { pressRelease: [{ phrase: '兹定于', rewrite: '我们定在' }] } });
    assert.deepEqual(found.map((d) => [d.phrase, d.fixes[0].offsetEdits[0].newText]), [['兹定于', '我们定在']]);
  });
  it('reads release voice with no stock phrase: a title quoting its boss, an institution naming itself, merger and follow-up boilerplate', () => {
    const ngo = 'The Harbour Foundation has awarded £180,000 in small grants. The Foundation will open its next round in September.\n\n"Small amounts go a long way," said Tom Reyes, Chief Executive of the Harbour Foundation.';
    assert.deepEqual(findings(ngo).map((d) => d.phrase), ['the foundation', 'said tom reyes, chief executive of']);
    const merger = 'From today, Brightway Payroll is part of Kestrel Software. The combined business will support 9,000 employers. Further information on the transition will be provided to clients next month.';
    assert.deepEqual(findings(merger).map((d) => d.phrase), ['the combined business', 'further information on the transition will be']);
    assert.deepEqual(findings('绿野公益基金会近日完成春季植树项目。基金会理事长王强表示，秋天再组织一次补种。').map((d) => d.phrase), ['近日', '理事长王强表示']);
    assert.deepEqual(findings('The Pemberton Gallery will reopen its east wing on 3 May. The work, funded by the Gallery\'s members, restores the skylights.').map((d) => d.phrase), ['the pemberton gallery will reopen its', 'the gallery']);
    assert.deepEqual(findings('城东图书馆新馆下月开放。据介绍，该馆藏书约四十万册。该馆相关负责人介绍，首月延长开放时间。').map((d) => d.phrase), ['据介绍', '该馆', '该馆', '相关负责人介绍']);
    assert.deepEqual(findings('Northmoor District Council today confirmed that the car park will close from 2 June. A council spokesperson said the work would take three weeks.').map((d) => d.phrase), ['today confirmed', 'a council spokesperson said']);
    assert.deepEqual(findings('The council finally fixed the streetlight outside our house today. Three emails and a form. Anyone else still waiting?'), []);
    assert.deepEqual(findings('Linden Borough Council reminds residents that garden waste collections will pause from 1 December. Further information is available on the council website.').map((d) => d.phrase), ['reminds residents that', 'further information is available']);
    assert.deepEqual(findings('Ashcombe University has launched a legal clinic. "Students learn the law by using it," said Professor Helen Marsh, Dean of the School of Law.').map((d) => d.phrase), ['said professor helen marsh, dean of']);
    // Words first quoted from a notice and then echoed in the writer's voice are held up to mock, not spoken.
    assert.deepEqual(findings('Our newsletter: "We are pleased to confirm that the pool will reopen in due course."\n\nIn due course. Shut since May. Anyone else living the in-due-course life?'), []);
    // A family member "表示" something, or a friend quoted with a joke title, is not a release.
    assert.deepEqual(findings('我妈今天在家庭群里表示，今年过年不回老家了。我爸表示反对，但没人理他。'), []);
    assert.deepEqual(findings('"You\'ve got this, stop whining," said Priya Shah, my running partner and self-appointed Director of Motivation. 4:41 and a medal.'), []);
  });
});
