/**
 * The public site's only source (`SiteSource`, src/site/source.ts): published editions as of the clock's
 * now, the public facts of the projects that have a published page, and figures already suppressed. A
 * scheduled item appears once its time has come, with nothing run: every read asks "live at now".
 */
import fs from 'node:fs';
import type { Db } from '../../db/client';
import type { AttachmentStore } from '../../platform/attachment-store';
import type { Clock } from '../../platform/clock';
import { listProjects } from '../projects';
import type { Project } from '../projects/contract';
import { type PublicFigureValue, publicFigureDefinitions, publicFigures } from '../reporting';
import type { ContentKind, SiteLang } from './contract';
import { imageKey, mediaFile } from './media';
import { fileUrl, imageUrl, parseMediaName, publicPath } from './paths';
import * as site from './site-repository';

/*
 * The shapes below are those of src/site/source.ts, which this module cannot import (the site imports this
 * module: the import would close a cycle). site-source.test.ts proves that `siteSource` is a `SiteSource`.
 */
type PublicImage = { sources: { width: number; url: string }[]; width: number; height: number; alt: string };
type PublicSummary = {
  id: string;
  kind: ContentKind;
  lang: SiteLang;
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  publishedAt: string;
  updatedAt: string;
  cover: PublicImage | null;
  project: { code: string; name: string } | null;
};
type PublicItem = PublicSummary & {
  bodyHtml: string;
  translations: { lang: SiteLang; slug: string }[];
  publication: { url: string; bytes: number; fileName: string } | null;
};
type PublicProject = {
  code: string;
  name: string;
  summary: string;
  startDate: string;
  endDate: string | null;
  hostCountries: string[];
  originCountries: string[];
  donor: string | null;
  cofunding: string | null;
  page: PublicItem | null;
  figures: (PublicFigureValue & { label: string })[];
};

type ImageRow = Awaited<ReturnType<typeof site.imagesByIds>>[number];

function publicImage(row: ImageRow, lang: SiteLang): PublicImage {
  const widths = [...row.widths].sort((a, b) => a - b);
  return {
    sources: widths.map((width) => ({ width, url: imageUrl(row.id, width) })),
    width: row.width,
    height: row.height,
    // An image is uploaded with a French alternative, and an English one when the item has English.
    alt: lang === 'en' ? (row.altEn ?? row.altFr) : row.altFr,
  };
}

function toSummary(row: site.LiveEdition, covers: Map<string, ImageRow>): PublicSummary {
  const { edition } = row;
  const cover = edition.coverImageId ? covers.get(edition.coverImageId) : undefined;
  return {
    id: edition.itemId,
    kind: edition.kind,
    lang: edition.lang,
    slug: edition.slug,
    title: edition.title,
    summary: edition.summary,
    tags: edition.tags,
    publishedAt: edition.firstLiveAt.toISOString(),
    updatedAt: edition.liveFrom.toISOString(),
    cover: cover ? publicImage(cover, edition.lang) : null,
    project: row.projectCode && row.projectName ? { code: row.projectCode, name: row.projectName } : null,
  };
}

async function coversOf(db: Db, rows: site.LiveEdition[]): Promise<Map<string, ImageRow>> {
  const ids = [...new Set(rows.flatMap((r) => (r.edition.coverImageId ? [r.edition.coverImageId] : [])))];
  return new Map((await site.imagesByIds(db, ids)).map((i) => [i.id, i]));
}

// The co-funding mention is recorded once, in French; the European Union's has its English wording.
const EU_MENTION = /union\s+europ[ée]enne/i;
function cofundingIn(lang: SiteLang, cofunding: string | null): string | null {
  if (!cofunding) return null;
  if (lang === 'en' && EU_MENTION.test(cofunding)) return 'Project co-funded by the European Union';
  return cofunding;
}

/**
 * The site's source on this database. `store` is where uploaded files live (the attachments folder):
 * `media()` answers with paths under it.
 */
export function siteSource(db: Db, clock: Clock, store: Pick<AttachmentStore, 'root'>) {
  async function itemOf(row: site.LiveEdition & { bodyHtml: string | null }, now: Date): Promise<PublicItem> {
    const [covers, languages, files] = await Promise.all([
      coversOf(db, [row]),
      site.liveLanguages(db, row.edition.itemId, now),
      site.filesByIds(db, row.edition.publicationFileId ? [row.edition.publicationFileId] : []),
    ]);
    const file = files[0];
    return {
      ...toSummary(row, covers),
      bodyHtml: row.bodyHtml ?? '',
      translations: languages
        .filter((l) => l.lang !== row.edition.lang)
        .map((l) => ({ lang: l.lang, slug: l.slug })),
      publication: file ? { url: fileUrl(file.id), bytes: file.bytes, fileName: file.fileName } : null,
    };
  }

  async function projectOf(lang: SiteLang, project: Project, now: Date): Promise<PublicProject> {
    const page = await site.liveProjectPage(db, lang, project.id, now);
    const definitions = publicFigureDefinitions();
    const refs = definitions.map((d) => `${project.code}/${d.id}`);
    const values = await publicFigures(db, clock, refs);
    return {
      code: project.code,
      name: project.name,
      summary: project.summary[lang],
      startDate: project.startDate,
      endDate: project.endDate,
      hostCountries: project.hostCountries,
      originCountries: project.originCountries,
      donor: project.donor,
      cofunding: cofundingIn(lang, project.cofunding),
      page: page ? await itemOf(page, now) : null,
      // The headline figures: what the project counts (a figure at zero is a kind of work it does not do).
      figures: definitions.flatMap((d) => {
        const value = values.get(`${project.code}/${d.id}`);
        if (!value || value.unavailable || value.value === 0) return [];
        return [{ ...value, label: d.title[lang] }];
      }),
    };
  }

  async function publicProjects(now: Date): Promise<Project[]> {
    const withPage = new Set(await site.projectsWithLivePage(db, now));
    if (withPage.size === 0) return [];
    return (await listProjects(db, 'all')).filter((p) => withPage.has(p.id));
  }

  return {
    async list(lang: SiteLang, filter: site.ListFilter) {
      const now = clock.now();
      const { rows, total } = await site.liveList(db, lang, filter, now);
      const covers = await coversOf(db, rows);
      return { items: rows.map((r) => toSummary(r, covers)), total };
    },

    facets(lang: SiteLang, kinds: ContentKind[]) {
      return site.liveFacets(db, lang, kinds, clock.now());
    },

    async item(
      lang: SiteLang,
      kinds: ContentKind[],
      slug: string,
    ): Promise<PublicItem | { redirect: string } | null> {
      const now = clock.now();
      const row = await site.liveBySlug(db, lang, kinds, slug, now);
      if (row) return itemOf(row, now);
      const former = await site.formerSlugTarget(db, lang, kinds, slug, now);
      if (former && former.slug !== slug)
        return { redirect: publicPath(lang, former.kind, former.slug, former.project_code) };
      return null;
    },

    async projects(lang: SiteLang) {
      const now = clock.now();
      const list = await publicProjects(now);
      const out: PublicProject[] = [];
      for (const project of list) out.push(await projectOf(lang, project, now));
      return out;
    },

    async project(lang: SiteLang, code: string) {
      const now = clock.now();
      const wanted = code.toLowerCase();
      const project = (await publicProjects(now)).find((p) => p.code.toLowerCase() === wanted);
      return project ? projectOf(lang, project, now) : null;
    },

    figures(refs: string[]): Promise<Map<string, PublicFigureValue>> {
      return publicFigures(db, clock, refs);
    },

    async media(name: string) {
      const now = clock.now();
      const parsed = parseMediaName(name);
      if (!parsed) return null;
      if (parsed.kind === 'image') {
        const image = await site.liveImage(db, parsed.id, now);
        if (!image?.widths.includes(parsed.width)) return null;
        const path = mediaFile(store, imageKey(image.storagePrefix, parsed.width));
        return path ? { path, mediaType: 'image/webp', bytes: fs.statSync(path).size } : null;
      }
      const file = await site.liveFile(db, parsed.id, now);
      const path = file && mediaFile(store, file.storageKey);
      return file && path ? { path, mediaType: 'application/pdf', bytes: file.bytes } : null;
    },

    async sitemap() {
      const rows = await site.allLive(db, clock.now());
      const pathOf = (r: (typeof rows)[number]) => publicPath(r.lang, r.kind, r.slug, r.projectCode);
      return rows.map((r) => ({
        lang: r.lang,
        path: pathOf(r),
        updatedAt: r.liveFrom.toISOString(),
        alternates: Object.fromEntries(
          rows.filter((o) => o.itemId === r.itemId).map((o) => [o.lang, pathOf(o)]),
        ),
      }));
    },

    async nextScheduled() {
      const next = await site.nextChange(db, clock.now());
      return next ? next.toISOString() : null;
    },
  };
}
