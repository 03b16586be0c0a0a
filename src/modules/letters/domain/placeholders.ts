/**
 * The named placeholders of letter templates ({{申请人}}, {{答复期限}}...), which kinds may use each, and the one
 * parser that checks a template and fills it. A template is refused when it names a placeholder its kind does not
 * know, writes one malformed, or leaves out what the law requires the letter to say (the remedies of Art. 51).
 */
import { LETTER_KIND_DEFS, type LetterKind } from './kinds.ts';

interface PlaceholderDef {
  readonly description: string;
  /** Kinds that may use it; every kind when absent. */
  readonly kinds?: readonly LetterKind[];
}

/** Every kind addressed to the applicant (the third party's letter may not name him, Art. 32). */
const APPLICANT_LETTERS = [
  'supplementNotice',
  'extensionNotice',
  'feeNotice',
  'reply',
  'withdrawalConfirmation',
  'supplementLapseNotice',
  'feeLapseNotice',
] as const satisfies readonly LetterKind[];

export const PLACEHOLDERS = {
  机关名称: { description: '作出告知的行政机关名称' },
  公开工作机构: { description: '政府信息公开工作机构名称' },
  机关地址: { description: '政府信息公开工作机构地址' },
  联系电话: { description: '政府信息公开工作机构电话' },
  电子邮箱: { description: '政府信息公开工作机构电子邮箱' },
  申请人: { description: '申请人姓名或名称', kinds: APPLICANT_LETTERS },
  跟踪码: { description: '申请的查询码', kinds: APPLICANT_LETTERS },
  收到日期: { description: '收到申请的日期（《条例》第三十一条）' },
  申请内容: { description: '申请获取的政府信息的描述' },
  办理日期: { description: '本告知书的日期' },
  答复期限: { description: '本环节办理后的答复期限', kinds: ['extensionNotice', 'feeNotice'] },
  补正事项: { description: '需要补正的事项', kinds: ['supplementNotice'] },
  补正期限: { description: '补正期限的截止日期', kinds: ['supplementNotice', 'supplementLapseNotice'] },
  被征求意见方: { description: '被征求意见的第三方名称', kinds: ['consultationRequest'] },
  征求意见期限: { description: '第三方提出意见的截止日期（15个工作日）', kinds: ['consultationRequest'] },
  延长天数: { description: '延长的工作日数', kinds: ['extensionNotice'] },
  延期理由: { description: '延期答复的理由', kinds: ['extensionNotice'] },
  收费金额: { description: '信息处理费金额（元）', kinds: ['feeNotice', 'feeLapseNotice'] },
  收费标准: { description: '计收标准及其依据（按件或按量）', kinds: ['feeNotice'] },
  缴费期限: { description: '缴费期限的最后一日', kinds: ['feeNotice', 'feeLapseNotice'] },
  通知日期: { description: '补正申请告知书或收费通知书的日期', kinds: ['supplementLapseNotice', 'feeLapseNotice'] },
  答复结果: { description: '办理结果（年度报告表三的结果名称）', kinds: ['reply'] },
  答复内容: { description: '该办理结果的标准答复用语', kinds: ['reply'] },
  答复条款: { description: '该办理结果所依据的《条例》条款', kinds: ['reply'] },
  法律依据: { description: '经办人作出答复时填写的法律依据', kinds: ['reply'] },
  复议机关: { description: '行政复议机关（按机关隶属关系确定）', kinds: ['feeNotice', 'reply', 'supplementLapseNotice', 'feeLapseNotice'] },
} as const satisfies Record<string, PlaceholderDef>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

const NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** The placeholders a kind of letter may use, in the order of PLACEHOLDERS. */
export function placeholdersFor(kind: LetterKind): PlaceholderName[] {
  return NAMES.filter((name) => {
    const kinds = (PLACEHOLDERS[name] as PlaceholderDef).kinds;
    return kinds === undefined || kinds.includes(kind);
  });
}

export function placeholderDescription(name: PlaceholderName): string {
  return PLACEHOLDERS[name].description;
}

/** What a kind's template must keep: the particulars without which the letter says nothing. */
export const REQUIRED_PLACEHOLDERS: Readonly<Record<LetterKind, readonly PlaceholderName[]>> = {
  supplementNotice: ['补正事项', '补正期限'],
  consultationRequest: ['征求意见期限'],
  extensionNotice: ['延长天数', '答复期限'],
  feeNotice: ['收费金额', '缴费期限'],
  reply: ['答复结果', '答复内容', '法律依据'],
  withdrawalConfirmation: [],
  supplementLapseNotice: ['补正期限'],
  feeLapseNotice: ['缴费期限'],
};

/** Words whose absence means the letter no longer tells the applicant how to object (Art. 51). */
export const REMEDY_WORDS = ['行政复议', '行政诉讼'] as const;

export const MAX_TEMPLATE_LENGTH = 10_000;

export type TemplateProblemCode =
  | 'letter.template.empty'
  | 'letter.template.tooLong'
  | 'letter.template.malformedPlaceholder'
  | 'letter.template.unknownPlaceholder'
  | 'letter.template.missingPlaceholder'
  | 'letter.template.remediesMissing';

export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  /** The placeholder as written (or the fragment that is not one). */
  readonly placeholder: string | null;
  readonly message: string;
}

type Token = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'name'; readonly name: string; readonly raw: string } | { readonly kind: 'bad'; readonly raw: string };

const NAME_SHAPE = /^[\p{Script=Han}A-Za-z0-9_]{1,20}$/u;

/** Splits a template into text and {{name}} placeholders; anything brace-like that is not one is a `bad` token. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  while (i < body.length) {
    if (body.startsWith('{{', i)) {
      const end = body.indexOf('}}', i + 2);
      const nextOpen = body.indexOf('{{', i + 2);
      flush();
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        const stop = nextOpen === -1 ? Math.min(body.length, i + 12) : Math.min(nextOpen, i + 12);
        tokens.push({ kind: 'bad', raw: body.slice(i, stop).split('\n')[0]! });
        i = nextOpen === -1 ? body.length : nextOpen;
        continue;
      }
      const raw = body.slice(i, end + 2);
      const name = body.slice(i + 2, end);
      tokens.push(NAME_SHAPE.test(name) ? { kind: 'name', name, raw } : { kind: 'bad', raw });
      i = end + 2;
    } else if (body.startsWith('}}', i)) {
      flush();
      tokens.push({ kind: 'bad', raw: '}}' });
      i += 2;
    } else {
      text += body[i];
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** Every problem of a kind's template; none means it may be stored. */
export function checkTemplate(kind: LetterKind, body: string): TemplateProblem[] {
  const title = LETTER_KIND_DEFS[kind].title;
  if (body.trim() === '') return [{ code: 'letter.template.empty', placeholder: null, message: `${title}的模板正文不能为空。` }];
  if (body.length > MAX_TEMPLATE_LENGTH) {
    return [{ code: 'letter.template.tooLong', placeholder: null, message: `${title}的模板正文不能超过${MAX_TEMPLATE_LENGTH}个字。` }];
  }
  const allowed = new Set<string>(placeholdersFor(kind));
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  for (const token of tokenize(body)) {
    if (token.kind === 'bad') {
      problems.push({
        code: 'letter.template.malformedPlaceholder',
        placeholder: token.raw,
        message: `模板正文中“${token.raw}”不是完整的占位符：占位符应写作 {{名称}}，例如 {{申请人}}。`,
      });
    } else if (token.kind === 'name') {
      used.add(token.name);
      if (!allowed.has(token.name)) {
        problems.push({
          code: 'letter.template.unknownPlaceholder',
          placeholder: token.raw,
          message: `模板正文中的占位符 ${token.raw} 不能用于${title}；可用的占位符见正文下方的列表。`,
        });
      }
    }
  }
  for (const name of REQUIRED_PLACEHOLDERS[kind]) {
    if (!used.has(name)) {
      problems.push({ code: 'letter.template.missingPlaceholder', placeholder: `{{${name}}}`, message: `${title}的模板正文须包含占位符 {{${name}}}（${placeholderDescription(name)}）。` });
    }
  }
  // Art. 51: a letter the applicant may object to tells him how.
  if (LETTER_KIND_DEFS[kind].remedies && !REMEDY_WORDS.every((w) => body.includes(w))) {
    problems.push({ code: 'letter.template.remediesMissing', placeholder: null, message: `${title}须告知申请人申请行政复议和提起行政诉讼的途径和期限（《条例》第五十一条）。` });
  }
  return problems;
}

/** The template with each placeholder replaced by its value; a placeholder without a value becomes “—”. */
export function fillTemplate(body: string, values: Readonly<Partial<Record<PlaceholderName, string>>>): string {
  return tokenize(body)
    .map((t) => (t.kind === 'text' ? t.text : t.kind === 'bad' ? t.raw : (values as Record<string, string | undefined>)[t.name] ?? '—'))
    .join('');
}
