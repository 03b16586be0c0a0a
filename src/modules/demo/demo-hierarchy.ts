/**
 * The demo's agencies: a city government (示范市人民政府, region 329900 — a well-formed code no real city uses), its
 * county and district governments (3299NN), and departments of each (示范市财政局, 东城区教育局 ...), as rows
 * ready to insert, parents before children. Deterministic: the same count gives the same hierarchy.
 */
import { buildAgency, COUNTY_NAMES, DEPARTMENT_NAMES } from '../../../test/factories/agency-factory.ts';
import type { NewAgency } from '../../db/schema.ts';

export const DEMO_CITY = { name: '示范市', regionCode: '329900', areaCode: '0599' } as const;

/** Counties are numbered 01..98 within the city's region code. */
const MAX_COUNTIES = 98;
export const MAX_DEMO_AGENCIES = (MAX_COUNTIES + 1) * (DEPARTMENT_NAMES.length + 1);

export interface DemoAgency {
  readonly row: Omit<NewAgency, 'parent_id'>;
  /** The parent's code (null for the city). */
  readonly parentCode: string | null;
}

interface Government {
  readonly place: string;
  readonly regionCode: string;
  readonly level: 'municipal' | 'county';
  readonly parentCode: string | null;
}

function countyName(i: number): string {
  return COUNTY_NAMES[i] ?? `第${i + 1}县`;
}

function office(place: string, name: string, n: number, createdAt: string) {
  return {
    office_name: `${name}政府信息公开工作机构`,
    office_address: `${place}人民路${(n % 200) + 1}号`,
    office_phone: `${DEMO_CITY.areaCode}-8${String(3_600_000 + n).padStart(7, '0')}`,
    office_hours: '工作日 上午9:00-12:00，下午13:30-17:30',
    office_email: `gk${n}@demo.example.gov.cn`,
    created_at: createdAt,
  };
}

/** `count` agencies: the city first, then its counties, then departments spread evenly over the governments. */
export function planDemoAgencies(count: number, createdAt: string): DemoAgency[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_AGENCIES) {
    throw new RangeError(`示范机关数量应为 1 到 ${MAX_DEMO_AGENCIES} 之间的整数`);
  }
  // About one government for every dozen agencies, so each has a realistic handful of departments.
  const counties = Math.min(MAX_COUNTIES, count === 1 ? 0 : Math.max(1, Math.ceil((count - 1) / 12)));
  const governments: Government[] = [
    { place: DEMO_CITY.name, regionCode: DEMO_CITY.regionCode, level: 'municipal', parentCode: null },
    ...Array.from({ length: counties }, (_, i) => ({
      place: countyName(i),
      regionCode: `${DEMO_CITY.regionCode.slice(0, 4)}${String(i + 1).padStart(2, '0')}`,
      level: 'county' as const,
      parentCode: DEMO_CITY.regionCode,
    })),
  ];
  const out: DemoAgency[] = governments.map((g, n) => {
    const name = `${g.place}人民政府`;
    return {
      parentCode: g.parentCode,
      row: buildAgency({ code: g.regionCode, name, kind: 'government', level: g.level, region_code: g.regionCode, ...office(g.place, name, n, createdAt) }),
    };
  });
  const departments = count - governments.length;
  for (let j = 0; j < departments; j++) {
    const g = governments[j % governments.length]!;
    const k = Math.floor(j / governments.length);
    const name = `${g.place}${DEPARTMENT_NAMES[k]!}`;
    out.push({
      parentCode: g.regionCode,
      row: buildAgency({
        code: `${g.regionCode}-${String(k + 1).padStart(2, '0')}`,
        name,
        kind: 'department',
        level: g.level,
        region_code: g.regionCode,
        ...office(g.place, name, out.length, createdAt),
      }),
    });
  }
  return out;
}
