import { describe, expect, it } from 'vitest';
import { PER_VOLUME_BANDS, feeFor, perApplicationFee, perApplicationMonthTotal, perVolumeFee } from './fees.ts';

describe('办法 第四条: per application, per applicant per calendar month', () => {
  it.each([
    [1, 0],
    [10, 0], // up to 10 free
    [11, 100],
    [30, 100], // 11th-30th: 100 yuan each
    [31, 200], // from the 31st: +100 per band of 10
    [40, 200],
    [41, 300],
    [55, 400], // 51st-60th
    [61, 500],
  ])('the %i-th application of the month costs %i yuan', (n, yuan) => {
    expect(perApplicationFee(n)).toBe(yuan);
  });

  it.each([
    [10, 0],
    [30, 2000], // 20 × 100
    [35, 3000], // 20 × 100 + 5 × 200
    [50, 7000], // 20 × 100 + 10 × 200 + 10 × 300
  ])('%i applications in one month cost %i yuan in all', (count, yuan) => {
    expect(perApplicationMonthTotal(count)).toBe(yuan);
  });
});

describe('办法 第五条: per volume, per application, progressive on the excess', () => {
  it.each([
    [1, 0],
    [30, 0], // up to 30 pages free
    [31, 10],
    [100, 700], // 70 × 10
    [101, 720], // 70 × 10 + 1 × 20
    [150, 1700], // 70 × 10 + 50 × 20
    [200, 2700], // 70 × 10 + 100 × 20
    [250, 4700], // 70 × 10 + 100 × 20 + 50 × 40
  ])('%i pages cost %i yuan', (pages, yuan) => {
    expect(perVolumeFee(pages)).toBe(yuan);
  });

  it('the bands are contiguous from page 1 with one open-ended top band', () => {
    PER_VOLUME_BANDS.forEach((band, i) => {
      expect(band.from).toBe(i === 0 ? 1 : PER_VOLUME_BANDS[i - 1]!.to! + 1);
    });
    expect(PER_VOLUME_BANDS.at(-1)!.to).toBeNull();
  });
});

describe('feeFor: one standard per application', () => {
  it('computes under the standard named', () => {
    expect(feeFor({ standard: 'perApplication', nthInMonth: 31 })).toEqual({ ok: true, value: 200 });
    expect(feeFor({ standard: 'perVolume', pages: 31 })).toEqual({ ok: true, value: 10 });
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses the quantity %s with a clear error', (quantity) => {
    const result = feeFor({ standard: 'perVolume', pages: quantity });
    expect(result.ok ? null : result.error.code).toBe('fee.invalidQuantity');
  });

  it.each([undefined, {}, { standard: 'both', pages: 40 }])('refuses a malformed charge (%j) without crashing', (charge) => {
    const result = feeFor(charge as never);
    expect(result.ok ? null : result.error.code).toBe('fee.invalidQuantity');
  });
});
