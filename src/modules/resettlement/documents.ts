/** The case's own files a resettlement record points to, checked for their kind. */
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { type Lang, validationMessage } from '../../platform/i18n';
import { caseAttachmentOf, type DocumentKind } from '../cases';

/** Refuses (422 on `path`) a file that is not this case's, or not classified as `kind`. */
export async function assertCaseDocument(
  db: Db,
  lang: Lang,
  caseId: string,
  attachmentId: string,
  kind: DocumentKind,
  path: string,
): Promise<void> {
  const file = await caseAttachmentOf(db, caseId, attachmentId);
  if (file?.documentKind === kind) return;
  throw new AppError('validation_failed', {
    fields: [
      {
        path,
        code: 'document_not_of_kind',
        message: validationMessage(lang, 'document_not_of_kind', { kind }),
      },
    ],
  });
}
