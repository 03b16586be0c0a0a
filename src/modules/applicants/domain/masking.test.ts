import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, maskPhone } from './masking.ts';

describe('masking for lists and logs', () => {
  it.each([
    ['110101199003074514', '110101********4514'],
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002x'],
    ['110105491231002', '110105*****1002'], // 15 digits
    ['1101051949', '******1949'], // not an ID number: only the last 4 stay
    ['12345678', '********'], // too short to show anything
    ['', ''],
  ])('maskIdNumber(%j) = %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['010-65123456', '010-****3456'],
    ['0755-8765432转12', '0755-***5432'],
    ['12345', '*****'],
    ['abcdefghij', '******ghij'],
  ])('maskPhone(%j) = %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['阿卜杜·艾尼', '阿**·**'],
    ['𠮷野家', '𠮷**'], // a character outside the BMP counts as one
    ['John Smith', 'J*** *****'],
    ['张', '*'],
    ['  ', ''],
  ])('maskName(%j) = %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it('masks ID numbers and phone numbers inside free text and leaves the rest', () => {
    const text =
      '申请人张三（身份证110101199003074514，旧证110105491231002），手机13812345678，又写作+86 139 8765 4321，' +
      '座机(0755)87654321转8，单位电话010-65123456；ID11010519491231002X；申请编号2024-0001，共3页，19位数1234567890123456789';
    expect(maskPersonalData(text)).toBe(
      '申请人张三（身份证110101********4514，旧证110105*****1002），手机138****5678，又写作139****4321，' +
        '座机0755-****4321转8，单位电话010-****3456；ID110105********002X；申请编号2024-0001，共3页，19位数1234567890123456789',
    );
  });

  it('masks an ID number even when its check digit is wrong (a typo is still personal data)', () => {
    expect(maskPersonalData('id=110101199003074515;')).toBe('id=110101********4515;');
  });

  it('leaves text without personal data unchanged', () => {
    const text = '2024年收到申请12件，办结11件，结转1件；文号国办发明电〔2023〕7号。';
    expect(maskPersonalData(text)).toBe(text);
  });
});
