import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { activityStatus, evenPercentages, reportToIati, splitBudgetByYear } from './iati';
import { sampleReport } from './sample-report';

const ORG = { ref: 'XM-DAC-47066', name: 'Agence pour les migrations (exemple)' };

/** The sequence of iati-activity's children in iati-activities-schema.xsd (2.03). */
const ACTIVITY_SEQUENCE = [
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'other-identifier',
  'activity-status',
  'activity-date',
  'contact-info',
  'activity-scope',
  'recipient-country',
  'recipient-region',
  'location',
  'sector',
  'tag',
  'country-budget-items',
  'humanitarian-scope',
  'policy-marker',
  'collaboration-type',
  'default-flow-type',
  'default-finance-type',
  'default-aid-type',
  'default-tied-status',
  'budget',
  'planned-disbursement',
  'capital-spend',
  'transaction',
  'document-link',
  'related-activity',
  'legacy-data',
  'conditions',
  'result',
  'crs-add',
  'fss',
];

/** The codelists used, as published for 2.03. */
const CODELISTS = {
  ActivityStatus: ['1', '2', '3', '4', '5', '6'],
  OrganisationType: [
    '10',
    '11',
    '15',
    '21',
    '22',
    '23',
    '24',
    '30',
    '40',
    '60',
    '70',
    '71',
    '72',
    '73',
    '80',
    '90',
  ],
  OrganisationRole: ['1', '2', '3', '4'],
  ActivityDateType: ['1', '2', '3', '4'],
  ResultType: ['1', '2', '3', '9'],
  IndicatorMeasure: ['1', '2', '3', '4', '5'],
  BudgetType: ['1', '2'],
  BudgetStatus: ['1', '2'],
  SectorVocabulary: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '98', '99'],
};

type Node = Record<string, unknown>;
const ARRAYS = new Set([
  'iati-activity',
  'narrative',
  'description',
  'participating-org',
  'activity-date',
  'recipient-country',
  'recipient-region',
  'sector',
  'budget',
  'result',
  'indicator',
  'period',
  'baseline',
  'target',
  'actual',
  'reference',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});
const orderedParser = new XMLParser({
  ignoreAttributes: false,
  preserveOrder: true,
  commentPropName: '#comment',
});

function activityOf(xml: string): Node {
  const doc = parser.parse(xml) as { 'iati-activities': Node & { 'iati-activity': Node[] } };
  expect(doc['iati-activities']['@_version']).toBe('2.03');
  expect(doc['iati-activities']['iati-activity']).toHaveLength(1);
  return doc['iati-activities']['iati-activity'][0] as Node;
}
const list = (node: Node, name: string) => (node[name] ?? []) as Node[];
const one = (node: Node, name: string) => node[name] as Node;
const narratives = (node: Node) =>
  list(node, 'narrative').map((n) => (typeof n === 'string' ? n : n['#text']));
const dayMs = 86_400_000;

describe('reportToIati', () => {
  const report = sampleReport('fr');
  const xml = reportToIati(report, ORG, { translation: sampleReport('en') });
  const activity = activityOf(xml);

  it('has every element the 2.03 standard requires for an activity', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(activity['@_default-currency']).toBe('EUR');
    expect(activity['@_xml:lang']).toBe('fr');
    expect(Date.parse(activity['@_last-updated-datetime'] as string)).toBe(Date.parse(report.generatedAt));

    expect(activity['iati-identifier']).toBe(`${ORG.ref}-MAGNET-II`);
    const reporting = one(activity, 'reporting-org');
    expect(reporting['@_ref']).toBe(ORG.ref);
    expect(CODELISTS.OrganisationType).toContain(reporting['@_type']);
    expect(narratives(reporting)).toEqual([ORG.name]);

    // Title and description in the report's language, with the English translation marked as such.
    const title = one(activity, 'title');
    expect(narratives(title)[0]).toBe(report.project.name);
    expect(list(title, 'narrative')[1]?.['@_xml:lang']).toBe('en');
    expect(narratives(list(activity, 'description')[0] as Node)[0]).toBe(report.project.summary);

    const orgs = list(activity, 'participating-org');
    expect(orgs.length).toBeGreaterThanOrEqual(1);
    for (const org of orgs) {
      expect(CODELISTS.OrganisationRole).toContain(org['@_role']);
      // A participating organisation without ref must be named.
      if (!org['@_ref']) expect(narratives(org).length).toBeGreaterThan(0);
      if (org['@_type']) expect(CODELISTS.OrganisationType).toContain(org['@_type']);
    }
    expect(
      orgs.find((o) => o['@_role'] === '1') && narratives(orgs.find((o) => o['@_role'] === '1') as Node),
    ).toContain('Union européenne');
    expect(orgs.find((o) => o['@_role'] === '4')?.['@_ref']).toBe(ORG.ref);

    expect(CODELISTS.ActivityStatus).toContain(one(activity, 'activity-status')['@_code']);
    expect(one(activity, 'activity-status')['@_code']).toBe('2');
    const dates = list(activity, 'activity-date');
    for (const d of dates) {
      expect(CODELISTS.ActivityDateType).toContain(d['@_type']);
      expect(d['@_iso-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(dates.some((d) => d['@_type'] === '1' || d['@_type'] === '2')).toBe(true);
    expect(dates.map((d) => [d['@_type'], d['@_iso-date']])).toEqual([
      ['1', '2024-01-01'],
      ['2', '2024-01-01'],
      ['3', '2026-06-30'],
    ]);

    const countries = list(activity, 'recipient-country');
    const regions = list(activity, 'recipient-region');
    expect(countries.length + regions.length).toBeGreaterThan(0);
    expect(countries.map((c) => c['@_code'])).toEqual(['MA', 'TN', 'GE']);
    const total = [...countries, ...regions].reduce((s, c) => s + Number(c['@_percentage']), 0);
    expect(Math.abs(total - 100)).toBeLessThan(1e-9);

    // No transaction carries sectors, so the activity must.
    expect(activity.transaction).toBeUndefined();
    const sectors = list(activity, 'sector');
    expect(sectors).toHaveLength(1);
    expect(CODELISTS.SectorVocabulary).toContain(sectors[0]?.['@_vocabulary']);
    expect(sectors[0]?.['@_code']).toBe('15190');
  });

  it('writes the elements of iati-activity in the schema order', () => {
    const ordered = orderedParser.parse(xml) as Node[];
    const root = ordered.find((n) => 'iati-activities' in n) as Node;
    const activityNode = (root['iati-activities'] as Node[]).find((n) => 'iati-activity' in n) as Node;
    const names = (activityNode['iati-activity'] as Node[])
      .map((child) => Object.keys(child).find((k) => k !== ':@') as string)
      .filter((name) => name !== '#comment' && name !== '#text');
    const positions = names.map((name) => ACTIVITY_SEQUENCE.indexOf(name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(names.slice(0, 4)).toEqual(['iati-identifier', 'reporting-org', 'title', 'description']);

    // Inside results too: title, description, reference, baseline, then periods.
    const result = (activityNode['iati-activity'] as Node[]).find((c) => 'result' in c) as Node;
    const indicator = (result.result as Node[]).find((c) => 'indicator' in c) as Node;
    const inside = (indicator.indicator as Node[]).map((c) => Object.keys(c).find((k) => k !== ':@'));
    const order = ['title', 'description', 'document-link', 'reference', 'baseline', 'period'];
    const at = inside.map((name) => order.indexOf(name as string));
    expect(at).not.toContain(-1);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('splits the budget into periods of at most a year that add up to the total', () => {
    const budgets = list(activity, 'budget');
    expect(budgets).toHaveLength(3);
    let sum = 0;
    for (const b of budgets) {
      expect(CODELISTS.BudgetType).toContain(b['@_type']);
      expect(CODELISTS.BudgetStatus).toContain(b['@_status']);
      const start = Date.parse(one(b, 'period-start')['@_iso-date'] as string);
      const end = Date.parse(one(b, 'period-end')['@_iso-date'] as string);
      expect(end).toBeGreaterThan(start);
      expect((end - start) / dayMs + 1).toBeLessThanOrEqual(366);
      const value = one(b, 'value');
      expect(value['@_value-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(value['#text']).toMatch(/^\d+\.\d{2}$/);
      sum += Math.round(Number(value['#text']) * 100);
    }
    expect(sum).toBe(report.budget.reduce((s, l) => s + l.budgetMinor, 0));
    expect(xml).toContain('split by calendar year in proportion to the project');
  });

  it('reports each framework node as a result with its indicators and periods', () => {
    const results = list(activity, 'result');
    // Every node of the sample has indicators.
    expect(results).toHaveLength(report.nodes.length);
    expect(results.map((r) => r['@_type'])).toEqual(['2', '1', '1', '2', '1']);
    const codes: string[] = [];
    for (const result of results) {
      expect(CODELISTS.ResultType).toContain(result['@_type']);
      expect(['0', '1']).toContain(result['@_aggregation-status']);
      expect(narratives(one(result, 'title')).length).toBeGreaterThan(0);
      const indicators = list(result, 'indicator');
      expect(indicators.length).toBeGreaterThan(0);
      for (const indicator of indicators) {
        expect(CODELISTS.IndicatorMeasure).toContain(indicator['@_measure']);
        expect(indicator['@_ascending']).toBe('1');
        codes.push(list(indicator, 'reference')[0]?.['@_code'] as string);
        for (const baseline of list(indicator, 'baseline')) {
          expect(baseline['@_year']).toMatch(/^\d{4}$/);
          expect(baseline['@_value']).toMatch(/^-?\d+(\.\d+)?$/);
        }
        const periods = list(indicator, 'period');
        expect(periods).toHaveLength(3);
        for (const period of periods) {
          const start = one(period, 'period-start')['@_iso-date'] as string;
          const end = one(period, 'period-end')['@_iso-date'] as string;
          expect(start < end).toBe(true);
          for (const figure of [...list(period, 'target'), ...list(period, 'actual')])
            if (figure['@_value'] !== undefined) expect(figure['@_value']).toMatch(/^-?\d+(\.\d+)?$/);
        }
      }
    }
    expect(codes.sort()).toEqual(report.indicators.map((i) => i.code).sort());

    // The percentage indicator is measured as a percentage, amounts in euros (not cents).
    const all = results.flatMap((r) => list(r, 'indicator'));
    const byCode = (code: string) => all.find((i) => list(i, 'reference')[0]?.['@_code'] === code) as Node;
    expect(byCode('OC1.a')['@_measure']).toBe('2');
    const delivered = list(byCode('OP1.2.b'), 'period');
    expect(list(delivered[1] as Node, 'actual')[0]?.['@_value']).toBe('482500');
    expect(list(delivered[0] as Node, 'actual')[0]?.['@_value']).toBe('434800.5');
  });

  it('omits a suppressed value, with a comment saying why, and never writes its number', () => {
    const all = list(activity, 'result').flatMap((r) => list(r, 'indicator'));
    const trained = all.find((i) => list(i, 'reference')[0]?.['@_code'] === 'OP2.1.a') as Node;
    const open = list(trained, 'period')[2] as Node;
    const actual = list(open, 'actual')[0] as Node;
    expect(actual['@_value']).toBeUndefined();
    expect(narratives(one(actual, 'comment'))[0]).toContain('masquée');

    // Period by period, an actual value only where the report has one: a null is never turned into a number.
    for (const indicator of report.indicators) {
      const periods = list(
        all.find((i) => list(i, 'reference')[0]?.['@_code'] === indicator.code) as Node,
        'period',
      );
      indicator.series.forEach((point, i) => {
        const values = list(periods[i] as Node, 'actual').map((a) => a['@_value']);
        if (point.value === null) expect(values.filter((v) => v !== undefined)).toEqual([]);
        else expect(values).toHaveLength(1);
      });
    }
    expect(xml.match(/<actual value=/g)?.length).toBe(
      report.indicators.reduce((n, i) => n + i.series.filter((p) => p.value !== null).length, 0),
    );
    // A manual value not entered has no actual at all (nothing was hidden).
    const procedures = all.find((i) => list(i, 'reference')[0]?.['@_code'] === 'OC2.a') as Node;
    expect(list(list(procedures, 'period')[1] as Node, 'actual')).toHaveLength(0);
  });

  it('escapes text and drops characters XML cannot hold', () => {
    const base = sampleReport('en');
    const tricky: Report = {
      ...base,
      project: { ...base.project, name: 'A & B <script>"x"</script> \u0007bell', originCountries: [] },
    };
    const out = reportToIati(tricky, ORG);
    expect(out).toContain('A &amp; B &lt;script&gt;');
    expect(out).not.toContain('\u0007');
    const parsed = activityOf(out);
    expect(narratives(one(parsed, 'title'))[0]).toBe('A & B <script>"x"</script> bell');
    // Without a country, a region stands in (the standard needs one or the other).
    expect(list(parsed, 'recipient-region')[0]?.['@_code']).toBe('998');
  });
});

describe('IATI helpers', () => {
  it('derives the activity status from the dates', () => {
    expect(activityStatus('2024-01-01', '2026-06-30', '2023-12-31T10:00:00Z')).toBe(1);
    expect(activityStatus('2024-01-01', '2026-06-30', '2024-01-01T00:00:00Z')).toBe(2);
    expect(activityStatus('2024-01-01', null, '2030-01-01T00:00:00Z')).toBe(2);
    expect(activityStatus('2024-01-01', '2026-06-30', '2026-07-01T00:00:00Z')).toBe(3);
  });

  it('shares 100 exactly', () => {
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(evenPercentages(1)).toEqual(['100']);
    for (const n of [2, 6, 7, 9, 11]) {
      const sum = evenPercentages(n).reduce((s, p) => s + Math.round(Number(p) * 100), 0);
      expect(sum).toBe(10_000);
    }
  });

  it('splits a budget by calendar year in proportion to days, to the cent', () => {
    const slices = splitBudgetByYear(3_660_000, '2024-07-01', '2025-06-30');
    // 184 days in 2024 and 181 in 2025.
    expect(slices).toEqual([
      { start: '2024-07-01', end: '2024-12-31', minor: Math.round((3_660_000 * 184) / 365) },
      { start: '2025-01-01', end: '2025-06-30', minor: 3_660_000 - Math.round((3_660_000 * 184) / 365) },
    ]);
    const odd = splitBudgetByYear(1_000_001, '2023-03-15', '2027-02-01');
    expect(odd).toHaveLength(5);
    expect(odd.reduce((s, x) => s + x.minor, 0)).toBe(1_000_001);
    expect(splitBudgetByYear(100, '2025-01-01', '2025-01-01')).toEqual([
      { start: '2025-01-01', end: '2025-01-01', minor: 100 },
    ]);
  });
});
