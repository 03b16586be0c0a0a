/** An agency as the use cases return it: camelCase, the disclosure office grouped. */
import type { Agency, AgencyKind, AgencyLevel } from '../../db/schema.ts';

export interface DisclosureOffice {
  readonly name: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly hours: string | null;
  readonly email: string | null;
}

export interface AgencyView {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly parentId: number | null;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  readonly regionCode: string | null;
  readonly office: DisclosureOffice;
  readonly createdAt: string;
}

export function toAgencyView(row: Agency): AgencyView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    kind: row.kind,
    level: row.level,
    regionCode: row.region_code,
    office: {
      name: row.office_name,
      address: row.office_address,
      phone: row.office_phone,
      hours: row.office_hours,
      email: row.office_email,
    },
    createdAt: row.created_at,
  };
}
