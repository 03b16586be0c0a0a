/** The agency as its letters name it: its disclosure office's particulars and the body that hears a reconsideration. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { findAgency } from '../../agencies/agencies.repository.ts';
import { reconsiderationBody, type LetterAgency } from '../domain/letter-values.ts';

export async function letterAgency(db: Kysely<Database> | Transaction<Database>, agencyId: number): Promise<LetterAgency> {
  const agencyRow = await findAgency(db, agencyId);
  if (!agencyRow) throw new AppError('agency.notFound', '找不到该申请所属的机关。');
  const parent = agencyRow.parent_id === null ? null : ((await findAgency(db, agencyRow.parent_id)) ?? null);
  return {
    name: agencyRow.name,
    officeName: agencyRow.office_name,
    officeAddress: agencyRow.office_address,
    officePhone: agencyRow.office_phone,
    officeEmail: agencyRow.office_email,
    reconsiderationBody: reconsiderationBody(agencyRow.kind, parent && { name: parent.name, kind: parent.kind }),
  };
}
