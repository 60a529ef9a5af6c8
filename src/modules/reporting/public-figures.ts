/**
 * Figures the public may see (issue 14, ADR 0019): a few catalogue definitions that count people or
 * things, as a project's lifetime total across every office that runs it, never broken down, and with
 * small cells suppressed (fewer than five is never published as a number). No reader's scope applies: the
 * figure is the same for every visitor, and nothing in it can single out a person.
 *
 * Computed like report figures (facts brought up to date, figures kept per data version), so a page that
 * embeds them reads a kept figure until the project's data change.
 */
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '../../platform/suppression';
import { listProjects } from '../projects';
import { type CatalogueEntry, findDefinition } from './catalogue';
import { refreshFacts } from './facts-repository';
import { figureKey } from './figure-cache';
import { cachedFigures, keepFigures } from './figure-cache-repository';
import { type ComputedFigure, computeFigure } from './figures-repository';

/**
 * The definitions the public may see: totals of persons assisted, returned, helped to reintegrate, placed
 * in work and resettled, and of people trained and reached by campaigns. Left out on purpose: money
 * (budget), steps whose counts hint at individual decisions or at protection work (referrals accepted,
 * resettlement submissions and decisions, plan approvals), follow-ups whose counts stay small, and what
 * cannot be computed yet. Adding one is a reviewed change of this list.
 */
export const PUBLIC_DEFINITIONS = [
  { id: 'persons_assisted', version: 1 },
  { id: 'persons_returned', version: 1 },
  { id: 'persons_assistance_delivered', version: 1 },
  { id: 'persons_placed', version: 1 },
  { id: 'persons_resettled', version: 1 },
  { id: 'people_trained', version: 1 },
  { id: 'campaign_reach', version: 1 },
] as const;

/** What a figure reference names: a project code and a public definition (`CARE/persons_assisted`). */
const REF = /^([A-Z0-9][A-Z0-9-]{0,31})\/([a-z][a-z0-9_]{0,63})$/;

export type PublicFigureValue = {
  ref: string;
  /** Null when suppressed or unavailable. */
  value: number | null;
  suppressed: boolean;
  unavailable: boolean;
};

export type PublicFigureDefinition = { id: string; title: { fr: string; en: string } };

const publicEntry = (id: string): CatalogueEntry | undefined => {
  const allowed = PUBLIC_DEFINITIONS.find((d) => d.id === id);
  const entry = allowed && findDefinition(allowed.id, allowed.version);
  return entry?.query ? entry : undefined;
};

/** The public definitions with their titles (labels of the figures), in the list's order. */
export function publicFigureDefinitions(): PublicFigureDefinition[] {
  return PUBLIC_DEFINITIONS.flatMap(({ id }) => {
    const entry = publicEntry(id);
    return entry ? [{ id, title: entry.title }] : [];
  });
}

const unavailable = (ref: string): PublicFigureValue => ({
  ref,
  value: null,
  suppressed: false,
  unavailable: true,
});

/** A count as it may be published: 1 to 4 hidden (zero stays zero: it identifies no one). */
export function publishable(ref: string, n: number): PublicFigureValue {
  const { counts, suppressed } = suppressSmallCells({ n }, SMALL_CELL_THRESHOLD);
  return { ref, value: counts.n, suppressed, unavailable: false };
}

/**
 * The values of the figures referenced (`<PROJECT CODE>/<definition>`), each a lifetime total of its
 * project, suppressed. A reference to an unknown project or to a definition not on the public list comes
 * back `unavailable`.
 */
export async function publicFigures(
  db: Db,
  clock: Clock,
  refs: readonly string[],
): Promise<Map<string, PublicFigureValue>> {
  const out = new Map<string, PublicFigureValue>();
  const wanted = new Map<string, { code: string; entry: CatalogueEntry; ref: string }[]>();
  for (const ref of new Set(refs)) {
    const match = REF.exec(ref);
    const entry = match ? publicEntry(match[2] as string) : undefined;
    if (!match || !entry) {
      out.set(ref, unavailable(ref));
      continue;
    }
    const code = match[1] as string;
    wanted.set(code, [...(wanted.get(code) ?? []), { code, entry, ref }]);
  }
  if (wanted.size === 0) return out;
  const projects = new Map((await listProjects(db, 'all')).map((p) => [p.code, p]));
  const now = clock.now();
  // Everything recorded up to today: the lifetime of the project so far.
  const today = now.toISOString().slice(0, 10);
  for (const [code, figures] of wanted) {
    const project = projects.get(code);
    if (!project) {
      for (const f of figures) out.set(f.ref, unavailable(f.ref));
      continue;
    }
    const totals = await lifetimeTotals(
      db,
      now,
      project.id,
      figures.map((f) => f.entry),
      today,
    );
    for (const f of figures) {
      const n = totals.get(f.entry.id);
      out.set(f.ref, n === undefined ? unavailable(f.ref) : publishable(f.ref, n));
    }
  }
  return out;
}

/** Each definition's cumulative figure over the whole project (every office), unsuppressed. */
async function lifetimeTotals(
  db: Db,
  now: Date,
  projectId: string,
  entries: CatalogueEntry[],
  today: string,
): Promise<Map<string, number>> {
  const facts = await refreshFacts(db, projectId, now);
  const requests = entries.map((entry) => {
    const request = {
      definition: { id: entry.id, version: entry.version },
      scope: 'all' as const,
      periods: [],
      cumulativeTo: today,
      tablesOf: null,
      specs: [],
    };
    return { entry, request, key: figureKey(request) };
  });
  const kept = await cachedFigures(
    db,
    projectId,
    facts.dataVersion,
    requests.map((r) => r.key),
  );
  const fresh: { key: string; request: (typeof requests)[number]['request']; figure: ComputedFigure }[] = [];
  const out = new Map<string, number>();
  for (const { entry, request, key } of requests) {
    let figure = kept.get(key);
    if (!figure) {
      figure = await computeFigure(
        db,
        entry,
        { projectId, scope: 'all', factsCovered: true },
        { periods: [], cumulativeTo: today, tablesOf: null, specs: [] },
      );
      fresh.push({ key, request, figure });
    }
    out.set(entry.id, figure.cumulative);
  }
  await keepFigures(db, projectId, facts.dataVersion, fresh, now);
  return out;
}

export type PublicFigureOptionValue = {
  ref: string;
  projectCode: string;
  definition: string;
  label: { fr: string; en: string };
};

/**
 * The figures an editor may embed: each public definition for each project run by the offices of `scope`
 * (the writer's), labelled "<definition> – <project>".
 */
export async function publicFigureOptions(db: Db, scope: OfficeScope): Promise<PublicFigureOptionValue[]> {
  const definitions = publicFigureDefinitions();
  return (await listProjects(db, scope))
    .filter((p) => /^[A-Z0-9][A-Z0-9-]{0,31}$/.test(p.code))
    .flatMap((p) =>
      definitions.map((d) => ({
        ref: `${p.code}/${d.id}`,
        projectCode: p.code,
        definition: d.id,
        label: { fr: `${d.title.fr} – ${p.code}`, en: `${d.title.en} – ${p.code}` },
      })),
    );
}
