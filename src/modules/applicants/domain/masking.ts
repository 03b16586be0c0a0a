/**
 * Masking of personal data for lists, exports and logs (the rules are also in src/modules/applicants/README.md):
 * an 18-digit 身份证号码 keeps its first 6 (region) and last 4 characters; a mobile number keeps 3 + 4 digits;
 * a fixed line keeps its area code and the last 4 digits; a name keeps only its first character.
 */
import { validatePhone } from './phone.ts';

function stars(n: number): string {
  return n > 0 ? '*'.repeat(n) : '';
}

/** Keeps the last `keep` characters, masks the rest (for values of unknown shape). */
function maskAllBut(value: string, keep: number): string {
  const chars = Array.from(value);
  if (chars.length <= keep * 2) return stars(chars.length);
  return stars(chars.length - keep) + chars.slice(-keep).join('');
}

/**
 * 110101199003074514 → 110101********4514 (18 digits); 15 digits → 6 + 5 masked + 4. Anything else keeps only its
 * last 4 characters (all masked when 8 characters or fewer), so a mistyped number is not shown either.
 */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.normalize('NFKC').replace(/\s+/g, '');
  if (/^\d{17}[\dXx]$/.test(id) || /^\d{15}$/.test(id)) return id.slice(0, 6) + stars(id.length - 10) + id.slice(-4);
  return maskAllBut(id, 4);
}

/** 13812345678 → 138****5678; 010-12345678 → 010-****5678 (an extension is dropped); others keep the last 4. */
export function maskPhone(phone: string): string {
  const parsed = validatePhone(phone);
  if (parsed.ok && parsed.value.kind === 'mobile') {
    const n = parsed.value.number;
    return `${n.slice(0, 3)}****${n.slice(7)}`;
  }
  if (parsed.ok && parsed.value.kind === 'landline') {
    const { areaCode, number } = parsed.value;
    return `${areaCode}-${stars(number.length - 4)}${number.slice(-4)}`;
  }
  return maskAllBut(phone.normalize('NFKC').replace(/\s+/g, ''), 4);
}

/**
 * 张三丰 → 张**, 张三 → 张*, 欧阳娜娜 → 欧***: the first character stays, every other letter becomes *, separators
 * (the middle dot of 阿卜杜·艾尼, spaces) stay. Compound surnames are not detected: showing less is the safe side.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0]! + chars.slice(1).map((c) => (/[\s·•・.-]/u.test(c) ? c : '*')).join('');
}

// Only digits bound a match, so "ID110101..." and "身份证110101..." are both found, and a longer run of digits
// (a 19-digit number) is left alone. Masking a little too much in a log is the safe side.
const ID_NUMBER_IN_TEXT = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?!\d)/g;
const MOBILE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[-\s]?[1-9]\d{6,7}(?!\d)/g;

/**
 * Masks every 身份证号码 (18 or 15 digits, whether or not its check digit is right), mobile number and fixed line
 * found in free text, for logs. Everything else is left as it was.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, (m) => maskIdNumber(m))
    .replace(MOBILE_IN_TEXT, (m) => {
      const digits = m.replace(/\D/g, '').slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(7)}`;
    })
    .replace(LANDLINE_IN_TEXT, (m) => maskPhone(m));
}
