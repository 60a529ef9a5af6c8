/**
 * What the public site reads: editions live at the site's now, and nothing else. Every query here names
 * `content_editions` first and keeps to its rows live at `now` (or, to redirect a former address, to rows
 * that once were); no casework table is reachable from here.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { projects } from '../projects/tables';
import type { ContentKind, SiteLang } from './contract';
import { contentEditions, contentFiles, contentImages, contentRevisions } from './tables';

const e = contentEditions;

/** The editions live at `now`: started, not ended. */
export const liveAt = (now: Date): SQL =>
  and(lte(e.liveFrom, now), or(isNull(e.liveUntil), gt(e.liveUntil, now))) as SQL;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const editionColumns = {
  edition: contentEditions,
  projectCode: projects.code,
  projectName: projects.name,
};

export type LiveEdition = {
  edition: typeof contentEditions.$inferSelect;
  projectCode: string | null;
  projectName: string | null;
};

export type ListFilter = { kinds: ContentKind[]; tag?: string; year?: number; limit: number; offset: number };

function listWhere(lang: SiteLang, filter: Pick<ListFilter, 'kinds' | 'tag' | 'year'>, now: Date): SQL {
  const filters: SQL[] = [liveAt(now), eq(e.lang, lang), inArray(e.kind, filter.kinds)];
  if (filter.tag) filters.push(sql`${filter.tag} = any(${e.tags})`);
  if (filter.year) filters.push(sql`extract(year from ${e.firstLiveAt} at time zone 'UTC') = ${filter.year}`);
  return and(...filters) as SQL;
}

/** Live editions of those kinds in that language, newest first publication first, with their count. */
export async function liveList(db: Db, lang: SiteLang, filter: ListFilter, now: Date) {
  if (filter.kinds.length === 0) return { rows: [] as LiveEdition[], total: 0 };
  const where = listWhere(lang, filter, now);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(e).where(where);
  const rows = await db
    .select(editionColumns)
    .from(e)
    .leftJoin(projects, eq(projects.id, e.projectId))
    .where(where)
    .orderBy(desc(e.firstLiveAt), desc(e.liveFrom), asc(e.itemId))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows, total: count?.n ?? 0 };
}

/** Tags and years (of first publication, UTC) of the live editions of those kinds in that language. */
export async function liveFacets(db: Db, lang: SiteLang, kinds: ContentKind[], now: Date) {
  if (kinds.length === 0) return { tags: [], years: [] };
  const where = listWhere(lang, { kinds }, now);
  const tags = rowsOf<{ tag: string }>(
    await db.execute(sql`select distinct t as tag from ${e} cross join lateral unnest(${e.tags}) as t
      where ${where} order by 1`),
  ).map((r) => r.tag);
  const years = rowsOf<{ year: number }>(
    await db.execute(sql`select distinct extract(year from ${e.firstLiveAt} at time zone 'UTC')::int as year
      from ${e} where ${where} order by 1 desc`),
  ).map((r) => Number(r.year));
  return { tags, years };
}

/** The live edition at that address, with the body of its revision. */
export async function liveBySlug(db: Db, lang: SiteLang, kinds: ContentKind[], slug: string, now: Date) {
  if (kinds.length === 0) return undefined;
  const [row] = await db
    .select({
      ...editionColumns,
      bodyHtml: sql<string>`${contentRevisions.translations} #>> ${`{${lang},bodyHtml}`}`,
    })
    .from(e)
    .innerJoin(
      contentRevisions,
      and(eq(contentRevisions.itemId, e.itemId), eq(contentRevisions.number, e.revision)),
    )
    .leftJoin(projects, eq(projects.id, e.projectId))
    .where(and(liveAt(now), eq(e.lang, lang), eq(e.slug, slug), inArray(e.kind, kinds)))
    .limit(1);
  return row;
}

/** The live edition of a project's page in that language, with its body. */
export async function liveProjectPage(db: Db, lang: SiteLang, projectId: string, now: Date) {
  const [row] = await db
    .select({
      ...editionColumns,
      bodyHtml: sql<string>`${contentRevisions.translations} #>> ${`{${lang},bodyHtml}`}`,
    })
    .from(e)
    .innerJoin(
      contentRevisions,
      and(eq(contentRevisions.itemId, e.itemId), eq(contentRevisions.number, e.revision)),
    )
    .leftJoin(projects, eq(projects.id, e.projectId))
    .where(and(liveAt(now), eq(e.lang, lang), eq(e.kind, 'project'), eq(e.projectId, projectId)))
    .limit(1);
  return row;
}

/**
 * Where a former address of a live item now is: an edition that was public once under that slug, of an
 * item with an edition live now in the same language.
 */
export async function formerSlugTarget(
  db: Db,
  lang: SiteLang,
  kinds: ContentKind[],
  slug: string,
  now: Date,
) {
  if (kinds.length === 0) return undefined;
  const [row] = rowsOf<{ slug: string; kind: ContentKind; project_code: string | null }>(
    await db.execute(sql`select cur.slug, cur.kind, p.code as project_code
      from ${e} old
      join ${e} cur on cur.item_id = old.item_id and cur.lang = old.lang
        and cur.live_from <= ${now} and (cur.live_until is null or cur.live_until > ${now})
      left join ${projects} p on p.id = cur.project_id
      where old.lang = ${lang} and old.slug = ${slug} and old.live_from <= ${now}
        and old.kind = any(${sql.param(kinds)}::text[])
      limit 1`),
  );
  return row;
}

/** The languages an item is live in, with their addresses. */
export async function liveLanguages(db: Db, itemId: string, now: Date) {
  return db
    .select({ lang: e.lang, slug: e.slug, kind: e.kind, projectCode: projects.code })
    .from(e)
    .leftJoin(projects, eq(projects.id, e.projectId))
    .where(and(eq(e.itemId, itemId), liveAt(now)))
    .orderBy(asc(e.lang));
}

/** The projects with a page live in some language. */
export async function projectsWithLivePage(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ projectId: e.projectId })
    .from(e)
    .where(and(liveAt(now), eq(e.kind, 'project')));
  return rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
}

export async function imagesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(contentImages).where(inArray(contentImages.id, ids));
}

/** An image some live edition shows. */
export async function liveImage(db: Db, imageId: string, now: Date) {
  const [row] = await db
    .select()
    .from(contentImages)
    .where(
      and(
        eq(contentImages.id, imageId),
        sql`exists (select 1 from ${e} where ${liveAt(now)} and ${imageId}::uuid = any(${e.imageIds}))`,
      ),
    );
  return row;
}

/** A file some live edition publishes. */
export async function liveFile(db: Db, fileId: string, now: Date) {
  const [row] = await db
    .select()
    .from(contentFiles)
    .where(
      and(
        eq(contentFiles.id, fileId),
        sql`exists (select 1 from ${e} where ${liveAt(now)} and ${e.publicationFileId} = ${fileId}::uuid)`,
      ),
    );
  return row;
}

export async function filesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(contentFiles).where(inArray(contentFiles.id, ids));
}

/** Every live edition with its project's code (the sitemap). */
export async function allLive(db: Db, now: Date) {
  return db
    .select({
      itemId: e.itemId,
      lang: e.lang,
      kind: e.kind,
      slug: e.slug,
      liveFrom: e.liveFrom,
      projectCode: projects.code,
    })
    .from(e)
    .leftJoin(projects, eq(projects.id, e.projectId))
    .where(liveAt(now))
    .orderBy(asc(e.itemId), asc(e.lang));
}

/** The next time what is live changes by itself: a scheduled start or the end it brings. */
export async function nextChange(db: Db, now: Date): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`select least(
        (select min(live_from) from ${e} where live_from > ${now}),
        (select min(live_until) from ${e} where live_until > ${now})) as at`),
  );
  return row?.at ? new Date(row.at) : null;
}
