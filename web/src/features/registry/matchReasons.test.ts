import { describe, expect, it } from 'vitest';
import type { MatchReason as KnownReason } from '../../../../src/modules/registry/matching/types';
import { i18n, initI18n } from '../../i18n';
import { scoreShare } from './MatchScore';
import { matchReasonLabel, reasonField, reasonSense, topReasons } from './matchReasons';

initI18n('fr');
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');

/** One of every kind of reason the matcher gives (checked against its type), with the words for it. */
const CASES: [KnownReason, string, string][] = [
  [
    { code: 'name.transliteration', part: 'given', a: 'محمد', b: 'Mohammed' },
    'Prénom translittéré : محمد ↔ Mohammed',
    'Given name transliterated: محمد ↔ Mohammed',
  ],
  [
    { code: 'name.same', part: 'family', a: 'Haddad', b: 'HADDAD' },
    'Nom identique : Haddad',
    'Family name identical: Haddad',
  ],
  [
    { code: 'name.variant', part: 'given', a: 'Mohammed', b: 'Muhamad' },
    'Prénom écrit autrement : Mohammed ↔ Muhamad',
    'Given name spelled differently: Mohammed ↔ Muhamad',
  ],
  [
    { code: 'name.typo', part: 'family', a: 'Hoxhaj', b: 'Hoxaj' },
    'Nom avec une faute de frappe : Hoxhaj ↔ Hoxaj',
    'Family name with a typo: Hoxhaj ↔ Hoxaj',
  ],
  [
    { code: 'name.similar', part: 'father', a: 'Ali', b: 'Alia' },
    'Nom du père proche : Ali ↔ Alia',
    'Father’s name similar: Ali ↔ Alia',
  ],
  [
    { code: 'name.partial', part: 'family', a: 'Al-Hassan Omar', b: 'Hassan' },
    'Nom en partie commun : Al-Hassan Omar ↔ Hassan',
    'Family name partly shared: Al-Hassan Omar ↔ Hassan',
  ],
  [
    { code: 'name.conflict', part: 'given', a: 'Drita', b: 'Dritan' },
    'Prénom différent : Drita ↔ Dritan',
    'Given name differs: Drita ↔ Dritan',
  ],
  [{ code: 'name.orderSwapped' }, 'Prénom et nom inversés', 'Given and family names swapped'],
  [{ code: 'birthDate.same' }, 'Même date de naissance', 'Same birth date'],
  [
    { code: 'birthDate.placeholder' },
    'Date de naissance fictive (01-01), même année',
    'Placeholder birth date (01-01), same year',
  ],
  [{ code: 'birthDate.sameYear' }, 'Même année de naissance', 'Same birth year'],
  [{ code: 'birthDate.sameMonth' }, 'Même mois et même année de naissance', 'Same birth month and year'],
  [
    { code: 'birthDate.dayMonthSwapped' },
    'Date de naissance : jour et mois inversés',
    'Birth date: day and month swapped',
  ],
  [
    { code: 'birthDate.dayDiffers' },
    'Date de naissance : seul le jour diffère',
    'Birth date: only the day differs',
  ],
  [{ code: 'birthDate.yearOff', years: 1 }, 'Naissances à un an d’écart', 'Born one year apart'],
  [{ code: 'birthDate.yearOff', years: 2 }, 'Naissances à 2 ans d’écart', 'Born 2 years apart'],
  [
    { code: 'birthDate.conflict', years: 1 },
    'Dates de naissance différentes (un an d’écart)',
    'Different birth dates (one year apart)',
  ],
  [
    { code: 'birthDate.conflict', years: 7 },
    'Dates de naissance différentes (7 ans d’écart)',
    'Different birth dates (7 years apart)',
  ],
  [
    { code: 'birthDate.missing' },
    'Date de naissance inconnue sur l’une des fiches',
    'Birth date unknown on one record',
  ],
  [{ code: 'sex.same' }, 'Même sexe', 'Same sex'],
  [{ code: 'sex.conflict' }, 'Sexe différent', 'Different sex'],
  [{ code: 'nationality.same' }, 'Même nationalité', 'Same nationality'],
  [{ code: 'nationality.conflict' }, 'Nationalité différente', 'Different nationality'],
  [
    { code: 'place.same', a: 'Mossoul', b: 'Mossoul' },
    'Même lieu d’origine : Mossoul',
    'Same place of origin: Mossoul',
  ],
  [
    { code: 'place.variant', a: 'Mosul', b: 'الموصل' },
    'Lieu d’origine écrit autrement : Mosul ↔ الموصل',
    'Place of origin spelled differently: Mosul ↔ الموصل',
  ],
  [
    { code: 'place.conflict', a: 'Erbil', b: 'Duhok' },
    'Lieu d’origine différent : Erbil ↔ Duhok',
    'Different place of origin: Erbil ↔ Duhok',
  ],
  [
    { code: 'document.same', type: 'passport' },
    'Passeport : même numéro sur les deux fiches',
    'Passport: same number on both records',
  ],
];

describe('match reason labels', () => {
  it.each(CASES)('%o reads in French and English', (reason, french, english) => {
    expect(matchReasonLabel(reason, fr)).toBe(french);
    expect(matchReasonLabel(reason, en)).toBe(english);
  });

  it('names every kind of reason differently', () => {
    const labels = new Set(CASES.map(([reason]) => matchReasonLabel(reason, fr)));
    expect(labels.size).toBe(CASES.length);
  });

  it('reads codes it does not know, and malformed parameters, without failing', () => {
    expect(matchReasonLabel({ code: 'biometrics.same', score: 0.9 }, fr)).toBe('Autre élément');
    expect(matchReasonLabel({ code: 'biometrics.same' }, en)).toBe('Other evidence');
    expect(matchReasonLabel({ code: 'document.same', type: 'tattoo' }, en)).toBe(
      'Identity document: same number on both records',
    );
    expect(matchReasonLabel({ code: 'name.same', part: 'nickname', a: 'Abu Ali', b: 42 }, en)).toBe(
      'Name identical: Abu Ali',
    );
    expect(matchReasonLabel({ code: 'birthDate.yearOff' }, en)).toBe('Born one year apart');
    expect(matchReasonLabel({ code: 'birthDate.conflict', years: 'many' }, fr)).toBe(
      'Dates de naissance différentes',
    );
    expect(reasonField({ code: 'biometrics.same' })).toBe('other');
    expect(reasonSense({ code: 'biometrics.same' })).toBe('neutral');
    expect(reasonField({ code: 'document.same', type: 'passport' })).toBe('document');
    expect(reasonSense({ code: 'document.same', type: 'passport' })).toBe('agrees');
  });

  it('says which field a reason is about, and whether it argues for the same person', () => {
    expect(reasonField({ code: 'name.variant', part: 'father', a: 'x', b: 'y' })).toBe('fatherName');
    expect(reasonField({ code: 'name.orderSwapped' })).toBe('name');
    expect(reasonField({ code: 'place.same', a: 'x', b: 'x' })).toBe('placeOfOrigin');
    expect(reasonSense({ code: 'sex.conflict' })).toBe('differs');
    expect(reasonSense({ code: 'birthDate.missing' })).toBe('neutral');
    expect(reasonSense({ code: 'birthDate.dayMonthSwapped' })).toBe('agrees');
  });

  it('picks agreeing names first to say why a search result was found', () => {
    const reasons = [
      { code: 'birthDate.missing' },
      { code: 'sex.same' },
      { code: 'name.orderSwapped' },
      { code: 'name.conflict', part: 'father', a: 'Ali', b: 'Omar' },
      { code: 'name.transliteration', part: 'given', a: 'محمد', b: 'Mohammed' },
      { code: 'name.variant', part: 'family', a: 'الحسن', b: 'Al-Hassan' },
    ];
    expect(topReasons(reasons).map((r) => r.code)).toEqual([
      'name.transliteration',
      'name.variant',
      'name.orderSwapped',
    ]);
    expect(topReasons(reasons, 2)).toHaveLength(2);
  });

  it('shows a score as a whole percentage, never as certainty', () => {
    expect(scoreShare(0.934)).toBe(0.93);
    expect(scoreShare(0.9996)).toBe(0.99);
    expect(scoreShare(0.29)).toBe(0.29);
    expect(scoreShare(1)).toBe(0.99);
    expect(scoreShare(-0.1)).toBe(0);
  });
});
