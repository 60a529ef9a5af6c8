import type { Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import * as repo from './hand-over-repository';

/**
 * The person's record moves with a transferred case, in the transfer's transaction. Needs codes the sender
 * did not share (`keepNeed` false) and, unless `keepDocuments`, identity documents are set aside: kept for
 * the record and for data-protection oversight, hidden from the new owner.
 */
export async function handOverPerson(
  tx: Db,
  personId: string,
  toOfficeId: string,
  shared: { keepNeed: (code: string) => boolean; keepDocuments: boolean },
  now: Date,
): Promise<{ setAsideNeeds: number; fromOfficeId: string }> {
  const person = await repo.personForHandOver(tx, personId);
  if (!person) throw notFound();
  const keep = person.specificNeeds.filter(shared.keepNeed);
  const setAside = person.specificNeeds.filter((code) => !keep.includes(code));
  await repo.setPersonOffice(
    tx,
    personId,
    {
      owningOfficeId: toOfficeId,
      specificNeeds: keep,
      withheldNeeds: [...new Set([...person.withheldNeeds, ...setAside])],
    },
    now,
  );
  if (!shared.keepDocuments) await repo.withholdDocumentsOf(tx, personId);
  return { setAsideNeeds: setAside.length, fromOfficeId: person.owningOfficeId };
}
