/**
 * The register a post is written in, as an editor hears it before weighing any one phrase: a person talking
 * about their own life, or an institution speaking. The same 特此通知 or "is pleased to announce" is a
 * notice in a council's post and a joke in a post about the cat.
 */
import { derive, derivedKey, type ParsedPost } from '../parse/post';

/**
 * Laughter and the emoji people laugh or smirk with: the writer is joking, whatever voice they borrow. The
 * emoji are spelled as alternatives, not a class, so the pattern needs no `u` flag: V8 runs a case-insensitive
 * pattern several times slower with it, and a post without a laugh is searched to its end.
 */
const LAUGH = /哈哈|嘿嘿|笑死|狗头|\[doge\]|[(（]bushi|\b(?:lol|lmao|rofl|haha\w*|hehe\w*|jk)\b|😂|🤣|😅|🙃|😆|😹|😜|😝|🤪|🙈/i;

/** 我 or 本人 as one person: not 我们, 我司, 我公司, 我校… */
const ZH_I = /我(?![们司公单校院局市省国县区行部厂馆台团])|本人/g;
const EN_I = /\b(?:I|I'm|I’m|I've|I’ve|my|me)\b/g;

/**
 * Family and pets: the subject of a private life. Kin an institution also names (家长, 孩子, parents,
 * children) are left out, so a school's notice to parents stays a notice.
 */
const ZH_KIN = /(?:爷爷|奶奶|外公|外婆|姥姥|姥爷|爸爸|妈妈|老爸|老妈|我爸|我妈|老公|老婆|媳妇|儿子|女儿|闺女|[表堂][哥姐弟妹]|[二三大小][叔姨舅姑]|室友|(?<![熊天])猫(?!眼)|喵|狗子|主子|铲屎)/gu;
const EN_KIN = /\b(?:mum|mom|dad|grandma|grandpa|grandad|granddad|nan|nana|wife|husband|hubby|boyfriend|girlfriend|flatmate|roommate|son|daughter|dog|cat|puppy|kitten)(?:s|'s|’s)?\b/gi;

/** A question mark in the post: it talks to someone. */
const ASKS = /[?？]/;

/**
 * An institution in the post: an organisation's name or kind (公司, 物业, 我校, "Tidewater Foods", "the
 * Council"), a group speaking as "we", or the public a notice addresses (市民, 业主, residents, passengers, constituents, the district).
 * A notice or release comes from one; a joke about the cat does not.
 */
const ZH_ORG = /我们(?![家班组宿寝俩仨])|市民|居民|业主|旅客|乘客|顾客|用户|会员|广大|家长|师生|员工|职工|公司|集团|企业|单位|学校|本校|学院|大学|医院|政府|委员会|协会|基金会|中心|办公室|街道|社区|物业|银行|门店|本店|平台|组织|机构|官方|研究院|研究所|联盟|办事处|指挥部|部门|品牌|科技|股份|有限|商会|俱乐部|党委|[省市县区镇乡]委|[^结布当格饭]局/;
const EN_GROUP = /\b(?:we|our|us|residents|customers|passengers|tenants|patrons|visitors|shareholders|stakeholders|members of the public|constituents|district|federal|statewide|nationwide)\b/i;
const EN_ORG_KIND = 'Inc|Ltd|LLC|Corp|Corporation|Company|Co|Group|Council|Foundation|Trust|University|College|School|Department|Ministry|Agency|Association|Alliance|Institute|Hospital|Bank|Partners|Technologies|Foods|Labs|Network|Society|Authority|Board|Commission|Office|Services|Systems|Fund|Centre|Center|Club|Union|Coalition|Federation|Government|Charity';
/** "Tidewater Foods", "Westmere University", "the Council": a name ending in an organisation's kind, or the kind as a name. */
const EN_ORG = new RegExp(`(?:[A-Z][\\w&'’-]+ )+(?:${EN_ORG_KIND})\\b|\\b[Tt]he (?:${EN_ORG_KIND})\\b`);
/**
 * A name announcing in the third person: "Acme is pleased to announce", "Northvane are excited to share". Only a
 * company or office speaks of itself so; a person says "I", and a joke's subject is "Local man" or "Board of Me".
 */
const EN_NAME_ANNOUNCES = /\b(?!(?:I|Me|Man|Woman|Dog|Cat|Mum|Mom|Dad)\b)[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*)* (?:is|are) (?:pleased|proud|delighted|excited|thrilled|happy|honou?red) to\b/;

/** A post this short is a remark, not a document (CJK characters; Latin characters weigh about half of one). */
const SHORT_CJK = 100;
const SHORT_LATIN = 240;

export interface Register {
  /** The post laughs at itself: 哈哈, lol, 😂. */
  laughs: boolean;
  /** Written as one person: two or more of I, me, my, 我, 本人. */
  personal: boolean;
  /** Distinct family members and pets the post names, at most 2. */
  kin: number;
  short: boolean;
  /** The post has a question mark: it talks to someone. */
  asks: boolean;
  /** It names an institution or speaks as "we" (see ZH_ORG, EN_ORG). */
  institution: boolean;
}

const REGISTER = derivedKey<Register>('register');

export function registerOf(post: ParsedPost): Register {
  return derive(post, REGISTER, () => {
    const text = post.published.text;
    return { laughs: LAUGH.test(text), personal: countUpTo(text, [ZH_I, EN_I], 2) >= 2, kin: distinctUpTo(text, [ZH_KIN, EN_KIN], 2), short: isShort(text), asks: ASKS.test(text), institution: ZH_ORG.test(text) || EN_GROUP.test(text) || EN_ORG.test(text) || EN_NAME_ANNOUNCES.test(text) };
  });
}

/**
 * A private post: one that laughs, or that has two of these: one person's voice, family or pets (two of them
 * count as two), a remark's length. Officialese there is borrowed for a joke or used literally (a grandfather's
 * birthday that 圆满成功, "Local man is pleased to announce he finished a jigsaw"), not an institution's voice.
 */
export function isPrivatePost(post: ParsedPost): boolean {
  const r = registerOf(post);
  if (r.institution) return false;
  if (r.laughs) return true;
  return Number(r.personal) + r.kin + Number(r.short) + Number(r.asks) >= 2;
}

/**
 * One private cue where no institution speaks: a post about one's family, or in one person's voice. Set phrases
 * there may be literal (a son's school show that 圆满成功, "I'll answer DMs in due course"), so they count less,
 * but the post can still be a notice. An office holder's or a founder's "I" next to their office or company is
 * the institution speaking.
 */
export function leansPrivate(post: ParsedPost): boolean {
  const r = registerOf(post);
  return r.kin > 0 || (r.personal && !r.institution);
}

function countUpTo(text: string, patterns: RegExp[], most: number): number {
  let count = 0;
  for (const re of patterns) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) if (++count >= most) return count;
  }
  return count;
}

function distinctUpTo(text: string, patterns: RegExp[], most: number): number {
  const seen = new Set<string>();
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      seen.add(m[0].toLowerCase().replace(/(?:s|'s|’s)$/, ''));
      if (seen.size >= most) return most;
    }
  }
  return seen.size;
}

function isShort(text: string): boolean {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch)) cjk++;
    else other++;
    if (cjk + other / (SHORT_LATIN / SHORT_CJK) > SHORT_CJK) return false;
  }
  return true;
}
