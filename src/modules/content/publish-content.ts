import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { type ContentItem, type PublishContent, SITE_LANGS } from './contract';
import { announce, claimAddresses, conflict, conflictAfterMiss, RECORD_TYPE } from './editing';
import * as repo from './repository';
import { itemView, snapshotOf } from './view';
import { effective, isInThePast, mayTake } from './workflow';

/**
 * Publishes the approved revision now, or schedules it (`publishAt` ahead; the site shows it from then on,
 * computed when it reads: no job runs). It replaces what was live, in each language, from that moment; a
 * language the revision no longer has goes off the site then. A publication needs its PDF, a project page
 * its project, every image shown a text alternative in each language.
 */
export async function publishContent(ctx: ActorCtx, id: string, input: PublishContent): Promise<ContentItem> {
  const scope = scopeOf(ctx.actor, 'content.publish');
  const item = await repo.findItem(ctx.db, scope, id);
  if (!item) throw notFound();
  if (input.version !== item.version) throw await conflict(ctx, item, input.version);
  const now = ctx.clock.now();
  const state = effective(item, now);
  if (!mayTake('publish', state)) throw new AppError('content_not_approved');
  const publishAt = input.publishAt === null ? null : new Date(input.publishAt);
  if (publishAt && isInThePast(publishAt, now)) throw new AppError('content_publish_in_past');
  const revision = await repo.findRevision(ctx.db, id, item.revision);
  if (!revision) throw new Error(`content item ${id} has no revision ${item.revision}`);
  await assertPublishable(ctx, item, revision);

  const at = publishAt ?? now;
  const firstLiveAt = state.firstPublishedAt ?? at;
  const langs = SITE_LANGS.filter((lang) => revision.translations[lang]);
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateItemAt(
      tx,
      id,
      input.version,
      publishAt
        ? {
            status: 'scheduled',
            // What is live stays so until the scheduled time (a schedule whose time had come is now live).
            publishedRevision: state.publishedRevision,
            publishedRevisionAt: state.publishedRevisionAt,
            firstPublishedAt: state.firstPublishedAt,
            scheduledRevision: item.revision,
            publishAt,
            updatedBy: ctx.actor.userId,
            updatedByName: ctx.actor.displayName,
            updatedAt: now,
          }
        : {
            status: 'published',
            publishedRevision: item.revision,
            publishedRevisionAt: now,
            firstPublishedAt: firstLiveAt,
            scheduledRevision: null,
            publishAt: null,
            updatedBy: ctx.actor.userId,
            updatedByName: ctx.actor.displayName,
            updatedAt: now,
          },
    );
    if (!updated) return conflictAfterMiss(ctx, tx, scope, id, input.version);
    // A schedule not yet reached is replaced; what is live ends when this revision starts.
    await repo.dropFutureEditions(tx, id, now);
    await repo.endLiveEditions(tx, id, now, at);
    await repo.insertEditions(
      tx,
      langs.map((lang) => {
        const t = revision.translations[lang];
        if (!t) throw new Error('unreachable: filtered languages');
        return {
          itemId: id,
          revision: item.revision,
          lang,
          kind: item.kind,
          slug: t.slug,
          title: t.title,
          summary: t.summary,
          tags: revision.tags,
          projectId: revision.projectId,
          coverImageId: revision.coverImageId,
          publicationFileId: revision.publicationFileId,
          imageIds: revision.imageIds,
          liveFrom: at,
          firstLiveAt,
        };
      }),
    );
    await claimAddresses(tx, id, snapshotOf(revision));
    await recordAudit(tx, ctx, {
      action: publishAt ? 'content.scheduled' : 'content.published',
      officeId: item.officeId,
      recordType: RECORD_TYPE,
      recordId: id,
      changes: {
        status: { old: state.status, new: publishAt ? 'scheduled' : 'published' },
        ...(publishAt ? { publishAt: { old: state.publishAt, new: publishAt } } : {}),
      },
      metadata: { revision: item.revision, languages: langs },
    });
    return updated;
  });
  await announce(ctx, { itemId: id, kind: item.kind, what: publishAt ? 'scheduled' : 'published', at: now });
  return itemView(ctx.db, row, now);
}

/** What a revision needs before the public sees it. */
async function assertPublishable(ctx: ActorCtx, item: repo.ItemRow, revision: repo.RevisionRow) {
  if (item.kind === 'publication') {
    const file =
      revision.publicationFileId && (await repo.findFile(ctx.db, item.id, revision.publicationFileId));
    if (!file) throw new AppError('content_file_required');
  }
  if (item.kind === 'project' && !revision.projectId) throw new AppError('content_project_required');
  const images = await repo.imagesByIds(ctx.db, revision.imageIds);
  for (const lang of SITE_LANGS) {
    if (!revision.translations[lang]) continue;
    if (images.some((i) => !(lang === 'fr' ? i.altFr : i.altEn)))
      throw new AppError('content_image_alt_missing', { params: { lang } });
  }
}
