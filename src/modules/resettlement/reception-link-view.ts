/** A reception link as the office sees it: never its token (only its hash is kept). */
import type { z } from 'zod';
import type { ReceptionLinkViewSchema } from './contract';
import type { ReceptionLinkRow } from './reception-repository';

export function receptionLinkView(l: ReceptionLinkRow, now: Date): z.infer<typeof ReceptionLinkViewSchema> {
  return {
    id: l.id,
    partnerName: l.partnerName,
    partnerContact: l.partnerContact,
    receptionPlace: l.receptionPlace,
    createdByName: l.createdByName,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    lastVisitAt: l.lastVisitAt?.toISOString() ?? null,
    status: l.revokedAt ? 'revoked' : l.expiresAt <= now ? 'expired' : 'live',
    confirmation:
      l.confirmedAt && l.receivedOn
        ? {
            receivedOn: l.receivedOn,
            confirmedByName: l.confirmedByName ?? '',
            note: l.confirmationNote,
            confirmedAt: l.confirmedAt.toISOString(),
          }
        : null,
  };
}
