import { describe, expect, it } from 'vitest';
import { figureRefs, fillFigures, formatBytes, formatCountries, formatDate } from './format';
import type { PublicFigure } from './source';

const figures = new Map<string, PublicFigure>([
  [
    'CARE/persons_assisted',
    { ref: 'CARE/persons_assisted', value: 130, suppressed: false, unavailable: false },
  ],
  [
    'TACT/persons_assisted',
    { ref: 'TACT/persons_assisted', value: null, suppressed: true, unavailable: false },
  ],
  ['TACT/people_trained', { ref: 'TACT/people_trained', value: null, suppressed: false, unavailable: true }],
]);

describe('live figures in a body', () => {
  it('finds the valid references, once each', () => {
    const html =
      '<p><span data-figure="CARE/persons_assisted"></span> <span class="x" data-figure="CARE/persons_assisted">…</span>' +
      '<span data-figure="bad ref"></span><span data-figure="TACT/people_trained"></span></p>';
    expect(figureRefs(html)).toEqual(['CARE/persons_assisted', 'TACT/people_trained']);
  });

  it('writes the number, the suppressed wording or a dash, in the page’s language', () => {
    const html =
      '<p><span data-figure="CARE/persons_assisted"></span>, <span data-figure="TACT/persons_assisted"></span>, <span data-figure="TACT/people_trained"></span>, <span data-figure="NONE/x"></span></p>';
    expect(fillFigures(html, figures, 'fr')).toBe(
      '<p><span class="live-figure live-figure--value" data-figure="CARE/persons_assisted">130</span>, ' +
        '<span class="live-figure live-figure--suppressed" data-figure="TACT/persons_assisted">moins de 5</span>, ' +
        '<span class="live-figure live-figure--unavailable" data-figure="TACT/people_trained">—<span class="visually-hidden"> (chiffre indisponible)</span></span>, ' +
        '<span class="live-figure live-figure--unavailable" data-figure="NONE/x">—<span class="visually-hidden"> (chiffre indisponible)</span></span></p>',
    );
    expect(fillFigures('<span data-figure="TACT/persons_assisted"></span>', figures, 'en')).toContain(
      'fewer than 5',
    );
  });

  it('never writes a malformed reference back into the page', () => {
    const out = fillFigures('<span data-figure="x&quot;onmouseover=alert(1)"></span>', figures, 'en');
    expect(out).not.toContain('onmouseover');
    expect(out).toContain('—');
  });

  it('leaves everything else of the body as it is', () => {
    const html = '<h2>Titre</h2><p>Texte <em>sans</em> chiffre.</p>';
    expect(fillFigures(html, figures, 'fr')).toBe(html);
  });
});

describe('formats', () => {
  it('dates a time in Paris and a calendar date as it is', () => {
    // 23:30 UTC on 31 December is already the new year in Paris.
    expect(formatDate('fr', '2015-12-31T23:30:00.000Z')).toBe('1 janvier 2016');
    expect(formatDate('en', '2015-12-31')).toBe('31 December 2015');
    expect(formatDate('fr', 'not a date')).toBe('not a date');
  });

  it('names countries and sizes in the page’s language', () => {
    expect(formatCountries('fr', ['AL', 'MA', 'UA'])).toBe('Albanie, Maroc et Ukraine');
    expect(formatCountries('en', ['IQ'])).toBe('Iraq');
    expect(formatCountries('en', ['??'])).toBe('??');
    expect(formatBytes('en', 1_234_567)).toBe('1.2 MB');
    expect(formatBytes('fr', 345_000)).toBe('345\u202fko');
  });
});
