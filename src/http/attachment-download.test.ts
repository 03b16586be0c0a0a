import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './attachment-download.ts';

describe('attachmentDisposition (RFC 6266 / 5987)', () => {
  it('gives an ASCII fallback with the type’s extension and the real name percent-encoded', () => {
    expect(attachmentDisposition({ id: 7, filename: '答复书.pdf', mime: 'application/pdf' })).toBe(
      `attachment; filename="attachment-7.pdf"; filename*=UTF-8''${encodeURIComponent('答复书.pdf')}`,
    );
    expect(attachmentDisposition({ id: 8, filename: 'x', mime: 'application/x-unknown' })).toMatch(/^attachment; filename="attachment-8"; /);
  });

  it('never lets a name end the header, close the quotes or use characters outside attr-char', () => {
    const value = attachmentDisposition({ id: 1, filename: `a"b\r\nSet-Cookie: x=1; '(c)*!.txt`, mime: 'text/plain' });
    expect(value).not.toMatch(/[\r\n]/);
    expect(value.match(/"/g)).toHaveLength(2);
    const encoded = value.split("UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toBe(`a"b\r\nSet-Cookie: x=1; '(c)*!.txt`);
  });
});
