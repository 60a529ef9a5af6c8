/**
 * Printing a movement's manifest (PDF or XLSX). Full document numbers only with manifests.reveal in the
 * movement's office and when asked for; every print is audited (format, whether numbers were revealed, how
 * many passengers, the file's digest), never the numbers themselves. Nothing is written to disk.
 */
import { createHash } from 'node:crypto';
import type { ActorCtx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import type { FieldCipher } from '../../platform/field-crypto';
import { refuseRestricted } from '../../platform/restricted';
import { manifestOf } from './manifest';
import { manifestToPdf } from './manifest-pdf';
import { manifestToXlsx } from './manifest-xlsx';
import { reachableMovement } from './movement-view';
import { mayRevealNumbers } from './policy';

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function printManifest(
  ctx: ActorCtx,
  cipher: FieldCipher,
  movementId: string,
  format: 'pdf' | 'xlsx',
  numbers: 'masked' | 'full',
) {
  const movement = await reachableMovement(ctx, movementId, 'read');
  const reveal = numbers === 'full';
  if (reveal && !mayRevealNumbers(ctx.actor, movement.owningOfficeId))
    refuseRestricted(ctx.lang, ['numbers']);
  const manifest = await manifestOf(ctx.db, cipher, movement, {
    reveal,
    lang: ctx.lang,
    now: ctx.clock.now(),
  });
  const body = format === 'pdf' ? await manifestToPdf(manifest) : await manifestToXlsx(manifest);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'movement.manifest_printed',
      officeId: movement.owningOfficeId,
      recordType: 'movement',
      recordId: movementId,
      metadata: {
        format,
        numbersRevealed: reveal,
        passengers: manifest.passengers.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      },
    }),
  );
  return { body, contentType: TYPES[format], fileName: `manifest-${movement.reference}.${format}` };
}
