/**
 * The report as an IATI activity file, standard 2.03 (https://iatistandard.org/en/iati-standard/203/):
 * the project as one activity with its results framework, indicators and a result period per reporting
 * period. Elements follow the schema's sequence (iati-activities-schema.xsd), which validators enforce.
 * Codes used: OrganisationType 40 (multilateral), OrganisationRole 1 (funding) / 4 (implementing),
 * ActivityStatus 1–3, ActivityDateType 1–3, SectorVocabulary 1 (DAC 5-digit), BudgetType 1 (original),
 * BudgetStatus 1 (indicative), ResultType 1–3 (9 for indicators outside the framework), IndicatorMeasure
 * 1 (unit) / 2 (percentage), IndicatorVocabulary 99 (the reporting organisation's own codes).
 */
import { XMLBuilder } from 'fast-xml-parser';
import { formatMinor } from '../../../platform/money';
import type { Report, ReportIndicator } from '../contract';
import { exportFormatter, plainDecimal } from './format';
import { EXPORT_LABELS } from './labels';
import { frameworkSections, inDisplayUnit, isHidden, isMoneyUnit, type ReportNode } from './report-view';

export type IatiOrganisation = { ref: string; name: string };

export type IatiOptions = {
  /**
   * The same report in the other language: its project name, summary, node and indicator titles are
   * added as narratives with their xml:lang (the report itself holds one language only).
   */
  translation?: Report;
};

/** DAC 5-digit purpose code: "Facilitation of orderly, safe, regular and responsible migration and mobility". */
const SECTOR_MIGRATION = '15190';
const CURRENCY = 'EUR';

// ---------------------------------------------------------------------------------------------------------
// A small typed layer over XMLBuilder's ordered form, so element order is exactly the order written here.

type XmlNode = { [name: string]: XmlNode[] | string | Record<string, string> };
type Attributes = Record<string, string | number | null | undefined>;

/** XML 1.0 forbids most control characters, even escaped: drop them (they never carry meaning here). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them.
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function el(name: string, attributes: Attributes = {}, children: XmlNode[] = []): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes))
    if (value !== null && value !== undefined) attrs[`@_${key}`] = xmlSafe(String(value));
  const node: XmlNode = { [name]: children };
  if (Object.keys(attrs).length) node[':@'] = attrs;
  return node;
}
const text = (value: string): XmlNode => ({ '#text': xmlSafe(value) });
/** A comment for people reading the file; `--` is not allowed inside one. */
const comment = (value: string): XmlNode => ({ '#comment': [text(` ${value.replace(/-{2,}/g, '-')} `)] });

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

// ---------------------------------------------------------------------------------------------------------

const isoDate = (iso: string) => iso.slice(0, 10);
const dayNumber = (iso: string) => Date.parse(`${isoDate(iso)}T00:00:00Z`) / 86_400_000;

/** ActivityStatus: 1 pipeline (not started), 2 implementation, 3 finalisation (ended, not yet closed). */
export function activityStatus(startDate: string, endDate: string | null, today: string): 1 | 2 | 3 {
  if (isoDate(today) < isoDate(startDate)) return 1;
  if (endDate !== null && isoDate(today) > isoDate(endDate)) return 3;
  return 2;
}

/**
 * Shares of 100 for n countries, in hundredths so they add up to exactly 100 (the first ones take the
 * rounding remainder: 33.34, 33.33, 33.33).
 */
export function evenPercentages(n: number): string[] {
  const base = Math.floor(10_000 / n);
  const extra = 10_000 - base * n;
  return Array.from({ length: n }, (_, i) => plainDecimal((base + (i < extra ? 1 : 0)) / 100));
}

export type BudgetSlice = { start: string; end: string; minor: number };

/**
 * A total budget split by calendar year in proportion to the project's days in each year: IATI budget
 * periods may not exceed one year. Amounts stay in minor units and add up to the total exactly (largest
 * remainder).
 */
export function splitBudgetByYear(totalMinor: number, startDate: string, endDate: string): BudgetSlice[] {
  const start = isoDate(startDate);
  const end = isoDate(endDate);
  if (end < start) return [];
  const slices: (BudgetSlice & { days: number })[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    const from = `${year}-01-01` > start ? `${year}-01-01` : start;
    const to = `${year}-12-31` < end ? `${year}-12-31` : end;
    slices.push({ start: from, end: to, minor: 0, days: dayNumber(to) - dayNumber(from) + 1 });
  }
  const days = slices.reduce((sum, s) => sum + s.days, 0);
  const exact = slices.map((s) => (totalMinor * s.days) / days);
  for (const [i, s] of slices.entries()) s.minor = Math.floor(exact[i] as number);
  let left = totalMinor - slices.reduce((sum, s) => sum + s.minor, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    (slices[i] as BudgetSlice).minor += 1;
    left -= 1;
  }
  return slices.map(({ start: s, end: e, minor }) => ({ start: s, end: e, minor }));
}

const RESULT_TYPE = { output: 1, outcome: 2, impact: 3 } as const satisfies Record<
  ReportNode['kind'],
  number
>;

export function reportToIati(report: Report, org: IatiOrganisation, options: IatiOptions = {}): string {
  const fmt = exportFormatter(report.language);
  const labels = fmt.labels;
  const other =
    options.translation &&
    options.translation.language !== report.language &&
    options.translation.project.id === report.project.id
      ? options.translation
      : null;
  const otherNodes = new Map(other?.nodes.map((n) => [n.id, n.title]));
  const otherIndicators = new Map(other?.indicators.map((i) => [i.id, i]));

  /** The text in the report's language (the activity's xml:lang), and its translation when there is one. */
  const narratives = (main: string, translated?: string | null): XmlNode[] => [
    el('narrative', {}, [text(main)]),
    ...(other && translated && translated.trim() !== '' && translated !== main
      ? [el('narrative', { 'xml:lang': other.language }, [text(translated)])]
      : []),
  ];

  const { project } = report;
  const today = isoDate(report.generatedAt);
  const activity: XmlNode[] = [];

  activity.push(el('iati-identifier', {}, [text(`${org.ref}-${project.code}`)]));
  activity.push(el('reporting-org', { ref: org.ref, type: 40 }, [el('narrative', {}, [text(org.name)])]));
  activity.push(el('title', {}, narratives(project.name, other?.project.name)));
  // The schema requires a description: the project's name stands in for an empty summary.
  activity.push(
    el(
      'description',
      { type: 1 },
      narratives(project.summary.trim() || project.name, other?.project.summary || other?.project.name),
    ),
  );
  if (project.donor)
    // The donor is a name only (no IATI organisation identifier is stored), which the standard allows.
    activity.push(el('participating-org', { role: 1 }, narratives(project.donor, other?.project.donor)));
  activity.push(
    el('participating-org', { ref: org.ref, type: 40, role: 4 }, [el('narrative', {}, [text(org.name)])]),
  );
  activity.push(el('activity-status', { code: activityStatus(project.startDate, project.endDate, today) }));
  activity.push(el('activity-date', { type: 1, 'iso-date': isoDate(project.startDate) }));
  if (today >= isoDate(project.startDate))
    activity.push(el('activity-date', { type: 2, 'iso-date': isoDate(project.startDate) }));
  if (project.endDate) activity.push(el('activity-date', { type: 3, 'iso-date': isoDate(project.endDate) }));

  const countries = [
    ...new Set(project.originCountries.map((c) => c.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c))),
  ];
  if (countries.length) {
    activity.push(
      comment(
        'Recipient countries: the countries of origin and return, in equal shares (no split of commitments by country is recorded).',
      ),
    );
    const shares = evenPercentages(countries.length);
    for (const [i, code] of countries.entries())
      activity.push(
        el('recipient-country', { code, percentage: shares[i] }, [
          el('narrative', {}, [text(fmt.country(code))]),
        ]),
      );
  } else {
    // The standard needs a country or a region: "developing countries, unspecified" (OECD DAC region 998).
    activity.push(el('recipient-region', { code: '998', vocabulary: 1, percentage: 100 }));
  }
  activity.push(
    el('sector', { vocabulary: 1, code: SECTOR_MIGRATION, percentage: 100 }, [
      el('narrative', {}, [text(labels.iati.sector)]),
    ]),
  );

  const inCurrency = report.budget.filter((line) => line.currency === CURRENCY);
  const elsewhere = [...new Set(report.budget.filter((l) => l.currency !== CURRENCY).map((l) => l.currency))];
  const totalMinor = inCurrency.reduce((sum, line) => sum + line.budgetMinor, 0);
  if (project.endDate && totalMinor > 0) {
    activity.push(
      comment(
        `Budget: the ${CURRENCY} budget lines (${formatMinor(totalMinor, CURRENCY)} ${CURRENCY} in total), split by calendar year in proportion to the project's days in each year, since IATI budget periods may not exceed one year.`,
      ),
    );
    for (const slice of splitBudgetByYear(totalMinor, project.startDate, project.endDate))
      activity.push(
        el('budget', { type: 1, status: 1 }, [
          el('period-start', { 'iso-date': slice.start }),
          el('period-end', { 'iso-date': slice.end }),
          el('value', { currency: CURRENCY, 'value-date': slice.start }, [
            text(formatMinor(slice.minor, CURRENCY)),
          ]),
        ]),
      );
  } else if (totalMinor > 0) {
    activity.push(comment('Budget not split by year: the project has no end date.'));
  }
  if (elsewhere.length)
    activity.push(
      comment(
        `Budget lines in ${elsewhere.join(', ')} are not included: the report holds no exchange rate to ${CURRENCY}.`,
      ),
    );

  /** A value as IATI reads it: a plain decimal, euros (not cents) for amounts. */
  const figure = (indicator: ReportIndicator, n: number) =>
    plainDecimal(inDisplayUnit(indicator.unit, n), isMoneyUnit(indicator.unit) ? 2 : 6);

  const indicatorXml = (indicator: ReportIndicator): XmlNode => {
    const translated = otherIndicators.get(indicator.id);
    const describe = (i: ReportIndicator, language: 'fr' | 'en') =>
      [
        i.definition?.counts[language],
        i.meansOfVerification.trim()
          ? EXPORT_LABELS[language].iati.meansOfVerification(i.meansOfVerification.trim())
          : '',
      ]
        .filter(Boolean)
        .join(' ');
    const description = describe(indicator, report.language);
    const children: XmlNode[] = [el('title', {}, narratives(indicator.title, translated?.title))];
    if (description)
      children.push(
        el(
          'description',
          {},
          narratives(description, translated && other ? describe(translated, other.language) : null),
        ),
      );
    children.push(el('reference', { vocabulary: 99, code: indicator.code }));
    if (indicator.baseline !== null)
      children.push(
        el('baseline', {
          year: project.startDate.slice(0, 4),
          'iso-date': isoDate(project.startDate),
          value: figure(indicator, indicator.baseline),
        }),
      );
    for (const point of indicator.series) {
      const period: XmlNode[] = [
        el('period-start', { 'iso-date': isoDate(point.startDate) }),
        el('period-end', { 'iso-date': isoDate(point.endDate) }),
      ];
      if (point.target !== null) period.push(el('target', { value: figure(indicator, point.target) }));
      if (point.value !== null) {
        const notes = point.source === 'live' ? [labels.iati.provisional(fmt.date(report.generatedAt))] : [];
        period.push(
          el(
            'actual',
            { value: figure(indicator, point.value) },
            notes.length ? [el('comment', {}, [el('narrative', {}, [text(notes.join(' '))])])] : [],
          ),
        );
      } else if (isHidden(report, indicator, point.value)) {
        // The value is left out, never written: only a comment says why.
        period.push(
          el('actual', {}, [
            el('comment', {}, [
              el('narrative', {}, [text(labels.iati.suppressed(report.suppression.threshold))]),
            ]),
          ]),
        );
      }
      children.push(el('period', {}, period));
    }
    return el('indicator', { measure: indicator.unit === 'percent' ? 2 : 1, ascending: 1 }, children);
  };

  for (const section of frameworkSections(report)) {
    // A result needs at least one indicator (schema): nodes without any are left out.
    if (section.indicators.length === 0) continue;
    const { node } = section;
    // Percentages do not add up across activities; counts and amounts do.
    const aggregable = section.indicators.every((i) => i.unit !== 'percent');
    activity.push(
      el('result', { type: node ? RESULT_TYPE[node.kind] : 9, 'aggregation-status': aggregable ? 1 : 0 }, [
        el(
          'title',
          {},
          narratives(node ? node.title : labels.otherIndicators, node ? otherNodes.get(node.id) : null),
        ),
        ...section.indicators.map(indicatorXml),
      ]),
    );
  }

  const document: XmlNode[] = [
    { '?xml': [text('')], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    el('iati-activities', { version: '2.03', 'generated-datetime': report.generatedAt }, [
      el(
        'iati-activity',
        {
          'last-updated-datetime': report.generatedAt,
          'xml:lang': report.language,
          'default-currency': CURRENCY,
        },
        activity,
      ),
    ]),
  ];
  return builder.build(document);
}
