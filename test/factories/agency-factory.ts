/**
 * Agencies for tests and for the demo data (src/modules/demo): realistic names and region codes, rows ready to
 * insert. `buildAgency` is pure; `insertAgency` stores one directly (no use case, no audit) for test set-up.
 */
import type { Kysely } from 'kysely';
import type { Agency, Database, NewAgency } from '../../src/db/schema.ts';

/** Departments of a local government (工作部门), as named after the government's place name: 某市财政局. */
export const DEPARTMENT_NAMES: readonly string[] = [
  '财政局',
  '教育局',
  '自然资源和规划局',
  '生态环境局',
  '人民政府办公室',
  '发展和改革委员会',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '行政审批局',
  '信访局',
  '林业局',
  '数据局',
];

/** Place names for generated counties and districts (fictional; region codes are generated to match). */
export const COUNTY_NAMES: readonly string[] = [
  '东城区', '西河区', '南山县', '北湖县', '青石县', '白马县', '长宁县', '平川县', '临江县', '安远县',
  '清溪县', '金水县', '云台县', '松阳县', '桃源县', '石门县', '永和县', '新安县', '丰乐县', '宁远县',
  '龙泉县', '凤鸣县', '双河县', '三江县', '五峰县', '九溪县', '柳林县', '杏花县', '梅岭县', '兰亭县',
  '竹溪县', '荷塘县', '枫桥县', '芦湾县', '沙洲县', '海陵县', '潮安县', '雁门县', '鹤山县', '鹿原县',
];

let sequence = 0;

/** A department row with sensible defaults; every field can be overridden. Codes are unique within the process. */
export function buildAgency(overrides: Partial<NewAgency> = {}): NewAgency {
  sequence += 1;
  return {
    code: `test-${process.pid}-${sequence}`,
    name: `某县${DEPARTMENT_NAMES[sequence % DEPARTMENT_NAMES.length]!}`,
    parent_id: null,
    kind: 'department',
    level: 'county',
    region_code: '320803',
    office_name: '政府信息公开工作办公室',
    office_address: '某县人民路1号',
    office_phone: '0517-83601234',
    office_hours: '工作日 8:30-12:00，14:30-17:30',
    office_email: null,
    created_at: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Inserts an agency for a test's set-up. */
export async function insertAgency(db: Kysely<Database>, overrides: Partial<NewAgency> = {}): Promise<Agency> {
  return db.insertInto('agencies').values(buildAgency(overrides)).returningAll().executeTakeFirstOrThrow();
}

export interface TestHierarchy {
  /** 示范市人民政府 (329900) */
  readonly city: number;
  /** 东城区人民政府 (329901), below the city */
  readonly county: number;
  /** two departments of the county */
  readonly a: number;
  readonly b: number;
  /** a department of the city, beside the county */
  readonly x: number;
}

/** city ─ county ─ {a, b}; city ─ x. `tag` keeps codes unique when one database gets several. */
export async function insertHierarchy(db: Kysely<Database>, tag = `${process.pid}-${++sequence}`): Promise<TestHierarchy> {
  const city = await insertAgency(db, { code: `city-${tag}`, name: '示范市人民政府', kind: 'government', level: 'municipal', region_code: '329900' });
  const county = await insertAgency(db, { code: `county-${tag}`, name: '东城区人民政府', kind: 'government', region_code: '329901', parent_id: city.id });
  const a = await insertAgency(db, { code: `a-${tag}`, name: '东城区财政局', region_code: '329901', parent_id: county.id });
  const b = await insertAgency(db, { code: `b-${tag}`, name: '东城区教育局', region_code: '329901', parent_id: county.id });
  const x = await insertAgency(db, { code: `x-${tag}`, name: '示范市生态环境局', level: 'municipal', region_code: '329900', parent_id: city.id });
  return { city: city.id, county: county.id, a: a.id, b: b.id, x: x.id };
}
