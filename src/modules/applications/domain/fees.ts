/**
 * The information-processing fee (Art. 42; 政府信息公开信息处理费管理办法, 国办函〔2020〕109号). Both standards are
 * progressive on the excess (超额累进, 办法 第三条); one standard per application, never both. The fee is always
 * computed from the quantity, never typed in. Amounts are whole yuan.
 */
import type { Result } from './result.ts';
import { fail, ok } from './result.ts';

/** Units `from`..`to` inclusive cost `rate` yuan each; `to: null` is open-ended. */
export interface FeeBand {
  readonly from: number;
  readonly to: number | null;
  readonly rate: number;
}

/**
 * 办法 第四条 (按件计收): per applicant per calendar month — up to 10 free, the 11th to 30th 100 yuan each, and
 * from the 31st on the rate rises by 100 yuan per band of 10 (31st-40th 200, 41st-50th 300, ...).
 */
export const PER_APPLICATION_STANDARD = {
  bands: [
    { from: 1, to: 10, rate: 0 },
    { from: 11, to: 30, rate: 100 },
  ] satisfies FeeBand[],
  beyond: { from: 31, bandSize: 10, firstRate: 200, step: 100 },
} as const;

/** 办法 第五条 (按量计收), per application: up to 30 pages free, then 10 / 20 / 40 yuan a page. */
export const PER_VOLUME_BANDS: readonly FeeBand[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

/** The quantity a fee is computed from, under exactly one standard (办法 第三条). */
export type FeeCharge =
  /** The application is the applicant's `nthInMonth`-th in this calendar month (counted after any 一事一申请 split). */
  | { readonly standard: 'perApplication'; readonly nthInMonth: number }
  /** Pages provided (paper, e-mail or copied electronic data). */
  | { readonly standard: 'perVolume'; readonly pages: number };

/** 办法 第四条: the fee for the applicant's n-th application of a calendar month. */
export function perApplicationFee(nthInMonth: number): number {
  const band = PER_APPLICATION_STANDARD.bands.find((b) => nthInMonth >= b.from && nthInMonth <= b.to);
  if (band) return band.rate;
  const { from, bandSize, firstRate, step } = PER_APPLICATION_STANDARD.beyond;
  return firstRate + Math.floor((nthInMonth - from) / bandSize) * step;
}

/** 办法 第四条: what an applicant pays in total for `count` applications in one calendar month. */
export function perApplicationMonthTotal(count: number): number {
  let total = 0;
  for (let n = 1; n <= count; n++) total += perApplicationFee(n);
  return total;
}

/** 办法 第五条: each page is charged at the rate of the band it falls in. */
export function perVolumeFee(pages: number): number {
  return PER_VOLUME_BANDS.reduce((sum, band) => {
    const top = band.to === null ? pages : Math.min(pages, band.to);
    const units = Math.max(0, top - band.from + 1);
    return sum + units * band.rate;
  }, 0);
}

/** The fee for one application, or a clear error when the quantity is not a positive whole number. */
export function feeFor(charge: FeeCharge): Result<number> {
  // checked at run time too: a charge may come from outside the type system
  const standard: unknown = charge?.standard;
  const quantity: unknown =
    charge?.standard === 'perApplication' ? charge.nthInMonth : charge?.standard === 'perVolume' ? charge.pages : undefined;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    const what = standard === 'perApplication' ? '本月第几件申请' : standard === 'perVolume' ? '页数' : '收费标准（按件或按量）';
    return fail('fee.invalidQuantity', `计算信息处理费所需的${what}应为正整数，收到“${String(quantity)}”。`, {
      standard,
      quantity,
    });
  }
  return ok(standard === 'perApplication' ? perApplicationFee(quantity) : perVolumeFee(quantity));
}
