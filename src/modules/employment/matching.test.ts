import { describe, expect, it } from 'vitest';
import {
  MATCH_WEIGHTS,
  type MatchOpening,
  type MatchProfile,
  matchScore,
  placeKey,
  rankCandidates,
  rankOpenings,
  stem,
} from './matching';

/** A welder from Erbil who speaks Kurdish and Arabic (MAGNET II). */
const welder: MatchProfile = {
  skills: ['welding', 'forklift'],
  languages: ['ku', 'ar'],
  workExperience: [{ title: 'Welder', sector: 'construction', years: 6 }],
  preferredSectors: [],
  preferredLocations: ['Erbil'],
  origin: { place: 'Erbil', country: 'IQ' },
};

const opening = (o: Partial<MatchOpening> & { id: string }) => ({
  sector: 'construction',
  country: 'IQ',
  location: 'Erbil',
  skills: [] as string[],
  languages: [] as string[],
  status: 'open',
  posts: 1,
  filled: 0,
  ...o,
});

const buildingSiteErbil = opening({
  id: 'site-erbil',
  sector: 'construction',
  location: 'Erbil',
  skills: ['welding'],
  languages: ['ku'],
});
const workshopDuhok = opening({
  id: 'workshop-duhok',
  sector: 'manufacturing',
  location: 'Duhok',
  skills: ['welding', 'metal-fabrication'],
  languages: ['ku'],
});
const hotelErbil = opening({
  id: 'hotel-erbil',
  sector: 'hospitality',
  location: 'Erbil',
  skills: ['customer-service'],
  languages: ['en'],
});

describe('matchScore', () => {
  it('gives every point to a perfect fit, each component explained', () => {
    expect(matchScore(welder, buildingSiteErbil)).toEqual({
      score: 100,
      reasons: [
        { code: 'skills', points: 45, max: 45, matched: ['welding'], related: [], missing: [] },
        { code: 'sector', points: 20, max: 20, value: 'construction', via: 'experience' },
        { code: 'location', points: 20, max: 20, value: 'Erbil', via: 'preference' },
        { code: 'languages', points: 15, max: 15, matched: ['ku'], missing: [] },
      ],
    });
  });

  it('explains a partial fit: half the skills, no sector, same country, languages spoken', () => {
    const result = matchScore(welder, workshopDuhok);
    expect(result.reasons).toEqual([
      {
        code: 'skills',
        points: 23,
        max: 45,
        matched: ['welding'],
        related: [],
        missing: ['metal-fabrication'],
      },
      { code: 'sector', points: 0, max: 20, value: 'manufacturing', via: null },
      { code: 'location', points: 8, max: 20, value: 'IQ', via: 'country' },
      { code: 'languages', points: 15, max: 15, matched: ['ku'], missing: [] },
    ]);
    expect(result.score).toBe(46);
  });

  it('gives only the location to a hotel receptionist post asking for English', () => {
    const result = matchScore(welder, hotelErbil);
    expect(result.score).toBe(20);
    expect(result.reasons).toContainEqual({
      code: 'languages',
      points: 0,
      max: 15,
      matched: [],
      missing: ['en'],
    });
    expect(result.reasons).toContainEqual({
      code: 'skills',
      points: 0,
      max: 45,
      matched: [],
      related: [],
      missing: ['customer-service'],
    });
  });

  it('counts a skill suggested by a job held as related, for half its share', () => {
    const driver: MatchProfile = {
      ...welder,
      skills: [],
      workExperience: [{ title: 'Truck driver', sector: 'transport', years: 3 }],
    };
    const result = matchScore(
      driver,
      opening({ id: 'x', sector: 'transport', skills: ['driving', 'welding'] }),
    );
    expect(result.reasons[0]).toEqual({
      code: 'skills',
      points: 11, // 45 × (0.5 × 1 related) / 2 asked
      max: 45,
      matched: [],
      related: ['driving'],
      missing: ['welding'],
    });
    expect(result.reasons[1]).toMatchObject({ code: 'sector', via: 'experience', points: 20 });
  });

  it('prefers a stated preference over experience, and ignores the sector "other"', () => {
    expect(
      matchScore({ ...welder, preferredSectors: ['construction'] }, buildingSiteErbil).reasons[1],
    ).toMatchObject({ via: 'preference', points: 20 });
    expect(
      matchScore(
        { ...welder, workExperience: [{ title: 'x', sector: 'other', years: 1 }] },
        {
          ...buildingSiteErbil,
          sector: 'other',
        },
      ).reasons[1],
    ).toMatchObject({ via: null, points: 0 });
  });

  it('matches towns across spellings and the town of origin', () => {
    const fromHewler: MatchProfile = {
      ...welder,
      preferredLocations: [],
      origin: { place: 'Hewlêr', country: 'IQ' },
    };
    expect(matchScore(fromHewler, { ...buildingSiteErbil, location: 'Arbil' }).reasons[2]).toEqual({
      code: 'location',
      points: 20,
      max: 20,
      value: 'Arbil',
      via: 'origin',
    });
    const noOrigin: MatchProfile = { ...welder, preferredLocations: [], origin: undefined };
    expect(matchScore(noOrigin, buildingSiteErbil).reasons[2]).toMatchObject({ points: 0, via: null });
  });

  it('gives half the share of the languages spoken when one is missing, all points when none is asked', () => {
    expect(matchScore(welder, { ...buildingSiteErbil, languages: ['ku', 'en'] }).reasons[3]).toEqual({
      code: 'languages',
      points: 4, // 15 × 0.5 × 1/2
      max: 15,
      matched: ['ku'],
      missing: ['en'],
    });
    expect(matchScore(welder, { ...buildingSiteErbil, languages: [] }).reasons[3]).toMatchObject({
      points: 15,
    });
  });

  it('gives half the skills points when no skill is asked', () => {
    expect(matchScore(welder, { ...buildingSiteErbil, skills: [] }).reasons[0]).toMatchObject({
      points: Math.round(MATCH_WEIGHTS.skills / 2),
    });
  });

  it('keeps every score between 0 and 100', () => {
    const nobody: MatchProfile = {
      skills: [],
      languages: [],
      workExperience: [],
      preferredSectors: [],
      preferredLocations: [],
    };
    expect(matchScore(nobody, hotelErbil).score).toBe(0);
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('rankOpenings', () => {
  it('ranks Erbil construction welding > Duhok welding > Erbil hotel receptionist needing English', () => {
    const ranked = rankOpenings(welder, [hotelErbil, workshopDuhok, buildingSiteErbil]);
    expect(ranked.map((r) => [r.opening.id, r.score])).toEqual([
      ['site-erbil', 100],
      ['workshop-duhok', 46],
      ['hotel-erbil', 20],
    ]);
  });

  it('never proposes a closed or full opening, however good the fit', () => {
    const closed = { ...buildingSiteErbil, id: 'closed', status: 'closed' };
    const full = { ...buildingSiteErbil, id: 'full', posts: 2, filled: 2 };
    const ranked = rankOpenings(welder, [closed, full, hotelErbil]);
    expect(ranked.map((r) => r.opening.id)).toEqual(['hotel-erbil']);
  });

  it('orders equal scores by skills matched, then as given', () => {
    const a = opening({ id: 'a', sector: 'retail', location: 'Basra', country: 'IQ', skills: [] });
    const b = opening({ id: 'b', sector: 'retail', location: 'Basra', country: 'IQ', skills: [] });
    expect(rankOpenings(welder, [a, b]).map((r) => r.opening.id)).toEqual(['a', 'b']);
  });
});

describe('rankCandidates', () => {
  it('ranks returnees for an opening the same way', () => {
    const fromDuhok = {
      id: 'duhok',
      profile: { ...welder, preferredLocations: [], origin: { place: 'Duhok', country: 'IQ' } },
    };
    const receptionist = {
      id: 'receptionist',
      profile: {
        skills: ['customer-service'],
        languages: ['ku', 'en'],
        workExperience: [{ title: 'Receptionist', sector: 'hospitality', years: 2 }],
        preferredSectors: ['hospitality'],
        preferredLocations: ['Erbil'],
      },
    };
    const ranked = rankCandidates({ ...buildingSiteErbil, languages: ['ku', 'ar'] }, [
      receptionist,
      fromDuhok,
      { id: 'erbil', profile: welder },
    ]);
    expect(ranked.map((r) => [r.candidate.id, r.score])).toEqual([
      ['erbil', 100],
      ['duhok', 88],
      ['receptionist', 24],
    ]);
  });
});

describe('normalisation', () => {
  it('stems job titles and skills to a shared root', () => {
    expect(['welding', 'welder', 'Welders'].map(stem)).toEqual(['weld', 'weld', 'weld']);
    expect(['driving', 'driver', 'drive'].map(stem)).toEqual(['driv', 'driv', 'driv']);
    expect(stem('metal')).toBe('metal');
  });

  it('folds place names: case, diacritics, usual spellings', () => {
    expect(new Set(['Erbil', 'ERBIL', 'Hewlêr', 'Hawler', 'Arbil'].map(placeKey))).toEqual(
      new Set(['erbil']),
    );
    expect(placeKey('Slêmanî')).toBe('sulaymaniyah');
    expect(placeKey('Duhok')).not.toBe(placeKey('Erbil'));
  });
});
