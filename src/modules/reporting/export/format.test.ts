import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../contract';
import { changeCellLabel, exportFormatter, plainDecimal } from './format';
import { EXPORT_LABELS } from './labels';
import { frameworkSections, isHidden, tabEntries } from './report-view';
import { sampleReport } from './sample-report';

/** Every key path of a nested label set ("values.sex.female"). */
const paths = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('export labels and formats', () => {
  it('has the same labels in French and English, none left empty', () => {
    expect(paths(EXPORT_LABELS.en)).toEqual(paths(EXPORT_LABELS.fr));
    for (const language of ['fr', 'en'] as const)
      for (const path of paths(EXPORT_LABELS[language])) {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], EXPORT_LABELS[language]);
        expect(typeof value === 'function' || (typeof value === 'string' && value.length > 0), path).toBe(
          true,
        );
      }
  });

  it('formats numbers, money, dates and countries in the language', () => {
    const fr = exportFormatter('fr');
    const en = exportFormatter('en');
    // French groups with a narrow no-break space and puts the euro sign after.
    expect(fr.money(48_250_050, 'EUR').replace(/\s/g, ' ')).toBe('482 500,50 €');
    expect(en.money(48_250_050, 'EUR')).toBe('€482,500.50');
    expect(en.money(12_345, 'IQD')).toMatch(/12\.345/);
    expect(fr.date('2024-12-31')).toBe('31 décembre 2024');
    expect(en.date('2024-12-31')).toBe('31 December 2024');
    expect(fr.country('MA')).toBe('Maroc');
    expect(en.country('ge')).toBe('Georgia');
    expect(en.country('unknown')).toBe('Unknown');
    expect(en.country('not a code')).toBe('not a code');
    expect(fr.category('sex', 'female')).toBe('Femmes');
    expect(en.category('age_band', 'unaccompanied_minor')).toBe('Unaccompanied minors');
    expect(en.category('assistance_mode', 'in_kind')).toBe('In kind');
    expect(en.category('assistance_timing', 'post_return')).toBe('After return');
    expect(en.category('office', 'PAR')).toBe('PAR');
    expect(en.figure('percent', 64, false)).toBe('64%');
    expect(en.figure('eur', 482_500, false)).toBe('€482,500');
    expect(en.figure('persons', null, true)).toBe('hidden');
    expect(fr.figure('persons', null, true)).toBe('masqué');
    expect(en.figure('persons', null, false)).toBe('—');
    expect(en.ratio(412 / 900)).toBe('45.8%');
    expect(changeCellLabel(en, 'sex*age_band:female:unaccompanied_minor')).toBe(
      'Sex × Age band: Female × Unaccompanied minors',
    );
    expect(changeCellLabel(fr, '')).toBe('Total');
    expect(plainDecimal(434_800.5)).toBe('434800.5');
    expect(plainDecimal(0)).toBe('0');
    expect(plainDecimal(1 / 3, 6)).toBe('0.333333');
  });
});

describe('sample report', () => {
  for (const language of ['fr', 'en'] as const)
    it(`is a valid Report whose tables add up (${language})`, () => {
      const report = ReportSchema.parse(sampleReport(language));
      expect(report.language).toBe(language);
      expect(report.nodes.filter((n) => n.kind === 'outcome')).toHaveLength(2);
      expect(report.nodes.filter((n) => n.kind === 'output')).toHaveLength(3);
      expect(frameworkSections(report).map((s) => s.node?.code)).toEqual([
        'OC1',
        'OP1.1',
        'OP1.2',
        'OC2',
        'OP2.1',
      ]);
      // Margins of the fully published cells add up to the total where nothing is hidden.
      for (const indicator of report.indicators)
        for (const tab of indicator.breakdowns) {
          const entries = tabEntries(tab);
          const cells = entries.filter((e) => e.kind === 'cell');
          if (cells.every((e) => e.value !== null))
            expect(cells.reduce((s, e) => s + (e.value ?? 0), 0)).toBe(tab.total);
        }
      const nulls = report.indicators.flatMap((i) =>
        i.breakdowns.flatMap((t) => tabEntries(t).filter((e) => e.value === null)),
      );
      expect(nulls.length).toBe(report.suppression.primary + report.suppression.secondary);
      // A manual value not entered is missing, not hidden; a computed count of persons that is null is hidden.
      const byCode = new Map(report.indicators.map((i) => [i.code, i]));
      const procedures = byCode.get('OC2.a');
      const trained = byCode.get('OP2.1.a');
      if (!procedures || !trained) throw new Error('sample indicators');
      expect(isHidden(report, procedures, null)).toBe(false);
      expect(isHidden(report, trained, null)).toBe(true);
      expect(
        isHidden({ ...report, suppression: { ...report.suppression, applied: false } }, trained, null),
      ).toBe(false);
    });
});
