/**
 * The editorial queries of content: items, revisions, slugs, editions (written when publishing), images and
 * files. Office scoping is part of every query that reads an item for an actor (policy.ts).
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import type { ContentListQuery, ContentStatus, SiteLang } from './contract';
import { itemInScope } from './policy';
import {
  contentEditions,
  contentFiles,
  contentImages,
  contentItems,
  contentRevisions,
  contentSlugs,
} from './tables';

export type ItemRow = typeof contentItems.$inferSelect;
export type RevisionRow = typeof contentRevisions.$inferSelect;
export type ImageRow = typeof contentImages.$inferSelect;
export type FileRow = typeof contentFiles.$inferSelect;
export type EditionRow = typeof contentEditions.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// ---- items -------------------------------------------------------------------------------------------

export async function findItem(db: Db, scope: OfficeScope, id: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.id, id), itemInScope(scope)));
  return row;
}

export async function insertItem(db: Db, values: typeof contentItems.$inferInsert): Promise<ItemRow> {
  const [row] = await db.insert(contentItems).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Conditional on the version (bumped); undefined when someone else changed the item first. */
export async function updateItemAt(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof contentItems.$inferInsert>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(contentItems)
    .set({ ...patch, version: sql`${contentItems.version} + 1` })
    .where(and(eq(contentItems.id, id), eq(contentItems.version, version)))
    .returning();
  return row;
}

/** Whether another item already is the public page of this project. */
export async function projectPageOf(db: Db, projectId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.projectId, projectId), eq(contentItems.kind, 'project')));
  return row?.id;
}

/** The status an item shows at `now`: a scheduled item whose time has come is published. */
const effectiveStatus = (now: Date) =>
  sql<ContentStatus>`case when ${contentItems.status} = 'scheduled' and ${contentItems.publishAt} <= ${now} then 'published' else ${contentItems.status} end`;

/**
 * Items in scope with their working revision's title in `lang` (French when there is no translation),
 * most recently changed first.
 */
export async function listItems(
  db: Db,
  scope: OfficeScope,
  query: ContentListQuery,
  lang: SiteLang,
  now: Date,
) {
  const filters: SQL[] = [itemInScope(scope)];
  if (query.kind) filters.push(eq(contentItems.kind, query.kind));
  if (query.status) filters.push(sql`${effectiveStatus(now)} = ${query.status}`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      sql`(${contentRevisions.translations} #>> '{fr,title}' ilike ${pattern}
        or ${contentRevisions.translations} #>> '{en,title}' ilike ${pattern}
        or ${contentRevisions.translations} #>> '{fr,slug}' ilike ${pattern}
        or exists (select 1 from unnest(${contentItems.tags}) as t where t ilike ${pattern}))`,
    );
  }
  const where = and(...filters);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contentItems)
    .innerJoin(
      contentRevisions,
      and(eq(contentRevisions.itemId, contentItems.id), eq(contentRevisions.number, contentItems.revision)),
    )
    .where(where);
  const rows = await db
    .select({
      item: contentItems,
      status: effectiveStatus(now),
      title: sql<string>`coalesce(${contentRevisions.translations} #>> ${`{${lang},title}`}, ${contentRevisions.translations} #>> '{fr,title}')`,
      titleLang: sql<SiteLang>`case when ${contentRevisions.translations} ? ${lang} then ${lang} else 'fr' end`,
    })
    .from(contentItems)
    .innerJoin(
      contentRevisions,
      and(eq(contentRevisions.itemId, contentItems.id), eq(contentRevisions.number, contentItems.revision)),
    )
    .where(where)
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.id))
    .limit(query.limit)
    .offset(query.offset);
  return { rows, total: count?.n ?? 0 };
}

// ---- revisions ---------------------------------------------------------------------------------------

export async function insertRevision(db: Db, values: typeof contentRevisions.$inferInsert): Promise<void> {
  await db.insert(contentRevisions).values(values);
}

export async function findRevision(db: Db, itemId: string, number: number): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.itemId, itemId), eq(contentRevisions.number, number)));
  return row;
}

/** The revision a client holding `version` of the item was looking at: the last one saved at or before it. */
export async function revisionAtVersion(
  db: Db,
  itemId: string,
  version: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.itemId, itemId), lte(contentRevisions.itemVersion, version)))
    .orderBy(desc(contentRevisions.number))
    .limit(1);
  return row;
}

export async function revisionsOf(db: Db, itemId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(contentRevisions)
    .where(eq(contentRevisions.itemId, itemId))
    .orderBy(desc(contentRevisions.number));
}

/** The authors of the revisions after `number` (the ones a review covers). */
export async function authorsAfter(db: Db, itemId: string, number: number): Promise<(string | null)[]> {
  const rows = await db
    .selectDistinct({ author: contentRevisions.authorId })
    .from(contentRevisions)
    .where(and(eq(contentRevisions.itemId, itemId), gt(contentRevisions.number, number)));
  return rows.map((r) => r.author);
}

// ---- slugs -------------------------------------------------------------------------------------------

export type SlugClaim = { lang: SiteLang; slug: string };

/**
 * Claims the addresses for the item; the first one another item holds is returned (nothing is claimed
 * then: the caller's transaction rolls back).
 */
export async function claimSlugs(db: Db, itemId: string, claims: SlugClaim[]): Promise<SlugClaim | null> {
  for (const claim of claims) {
    await db
      .insert(contentSlugs)
      .values({ ...claim, itemId })
      .onConflictDoNothing();
    const [holder] = await db
      .select({ itemId: contentSlugs.itemId })
      .from(contentSlugs)
      .where(and(eq(contentSlugs.lang, claim.lang), eq(contentSlugs.slug, claim.slug)));
    if (holder?.itemId !== itemId) return claim;
  }
  return null;
}

/**
 * Gives up the item's addresses that its working revision no longer uses and that were never published
 * (a published one stays the item's, to redirect).
 */
export async function releaseSlugs(db: Db, itemId: string, keep: SlugClaim[]): Promise<void> {
  const kept = keep.map((k) => and(eq(contentSlugs.lang, k.lang), eq(contentSlugs.slug, k.slug)) as SQL);
  await db.delete(contentSlugs).where(
    and(
      eq(contentSlugs.itemId, itemId),
      ...(kept.length ? [sql`not (${or(...kept)})`] : []),
      sql`not exists (select 1 from ${contentEditions} e where e.item_id = ${contentSlugs.itemId}
          and e.lang = ${contentSlugs.lang} and e.slug = ${contentSlugs.slug})`,
    ),
  );
}

// ---- editions ----------------------------------------------------------------------------------------

/** Editions still to come (a schedule) are withdrawn. */
export async function dropFutureEditions(db: Db, itemId: string, now: Date): Promise<void> {
  await db
    .delete(contentEditions)
    .where(and(eq(contentEditions.itemId, itemId), gt(contentEditions.liveFrom, now)));
}

/** The editions live at `now` end at `at` (now, or when a scheduled revision replaces them). */
export async function endLiveEditions(db: Db, itemId: string, now: Date, at: Date): Promise<void> {
  await db
    .update(contentEditions)
    .set({ liveUntil: at })
    .where(
      and(
        eq(contentEditions.itemId, itemId),
        lte(contentEditions.liveFrom, now),
        or(isNull(contentEditions.liveUntil), gt(contentEditions.liveUntil, now)),
      ),
    );
}

export async function insertEditions(db: Db, rows: (typeof contentEditions.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(contentEditions).values(rows);
}

/** The item's editions live at `now` (one per language of the published revision). */
export async function liveEditionsOf(db: Db, itemId: string, now: Date): Promise<EditionRow[]> {
  return db
    .select()
    .from(contentEditions)
    .where(
      and(
        eq(contentEditions.itemId, itemId),
        lte(contentEditions.liveFrom, now),
        or(isNull(contentEditions.liveUntil), gt(contentEditions.liveUntil, now)),
      ),
    )
    .orderBy(asc(contentEditions.lang));
}

/** Whether an edition live now or to come shows the image. */
export async function imageShownOrScheduled(db: Db, imageId: string, now: Date): Promise<boolean> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${contentEditions}
      where ${imageId}::uuid = any(image_ids) and (live_until is null or live_until > ${now})`),
  );
  return (row?.n ?? 0) > 0;
}

// ---- images and files ----------------------------------------------------------------------------------

export async function insertImage(db: Db, values: typeof contentImages.$inferInsert): Promise<ImageRow> {
  const [row] = await db.insert(contentImages).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function imagesOf(db: Db, itemId: string): Promise<ImageRow[]> {
  return db
    .select()
    .from(contentImages)
    .where(eq(contentImages.itemId, itemId))
    .orderBy(asc(contentImages.createdAt), asc(contentImages.id));
}

export async function findImage(db: Db, itemId: string, imageId: string): Promise<ImageRow | undefined> {
  const [row] = await db
    .select()
    .from(contentImages)
    .where(and(eq(contentImages.itemId, itemId), eq(contentImages.id, imageId)));
  return row;
}

export async function imagesByIds(db: Db, ids: string[]): Promise<ImageRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(contentImages).where(inArray(contentImages.id, ids));
}

export async function updateImageAlt(
  db: Db,
  imageId: string,
  alt: { altFr: string; altEn: string | null },
): Promise<ImageRow | undefined> {
  const [row] = await db.update(contentImages).set(alt).where(eq(contentImages.id, imageId)).returning();
  return row;
}

export async function deleteImage(db: Db, imageId: string): Promise<void> {
  await db.delete(contentImages).where(eq(contentImages.id, imageId));
}

export async function insertFile(db: Db, values: typeof contentFiles.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(contentFiles).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function filesOf(db: Db, itemId: string): Promise<FileRow[]> {
  return db.select().from(contentFiles).where(eq(contentFiles.itemId, itemId));
}

export async function findFile(db: Db, itemId: string, fileId: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(contentFiles)
    .where(and(eq(contentFiles.itemId, itemId), eq(contentFiles.id, fileId)));
  return row;
}
