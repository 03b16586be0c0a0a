import { describe, expect, it } from 'vitest';
import { checkFile } from './file-types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('checkFile', () => {
  it.each([
    ['报告.pdf', 'application/pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['表.xlsx', '', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['旧.doc', 'application/octet-stream', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'application/msword'],
    ['说明.txt', 'text/plain; charset=utf-8', new TextEncoder().encode('预算说明'), 'text/plain'],
  ])('accepts %s by its content', (filename, mime, content, expected) => {
    const check = checkFile(content, { filename, mime }, 100);
    expect(check.ok && check.type.mime).toBe(expected);
  });

  it('refuses a type and name that disagree, text that is not UTF-8, and an unknown extension', () => {
    expect(checkFile(bytes(0x25, 0x50, 0x44, 0x46, 0x2d), { filename: 'a.docx', mime: 'application/pdf' }, 100)).toEqual({ ok: false, problem: 'typeNotAllowed' });
    expect(checkFile(bytes(0xff, 0xfe, 0x00, 0x41), { filename: 'a.txt', mime: 'text/plain' }, 100)).toEqual({ ok: false, problem: 'contentMismatch' });
    expect(checkFile(bytes(0x4d, 0x5a), { filename: 'a.exe', mime: '' }, 100)).toEqual({ ok: false, problem: 'typeNotAllowed' });
  });
});
