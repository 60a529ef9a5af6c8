/**
 * Matching returnees and job openings (MAGNET II). Pure: the same explained score ranks the openings
 * proposed to a returnee and the returnees proposed for an opening.
 *
 * The score (0–100) is the sum of four weighted components, each explained by one reason:
 * - skills: the share of the opening's skills the person has; a skill the person has not listed but that
 *   a job they held suggests (a "Welder" for `welding`) counts half. No skill asked: half the points.
 * - sector: the opening's sector is one the person prefers or has worked in.
 * - location: the opening is in a town the person prefers or comes from (full), or in their country (part).
 * - languages: every language the opening asks for is spoken (full); some of them: half of their share.
 */
import type { MatchReason } from './contract';

export const MATCH_WEIGHTS = { skills: 45, sector: 20, location: 20, languages: 15 } as const;
/** Part of the location points for an opening elsewhere in the person's country. */
export const SAME_COUNTRY_SHARE = 0.4;
/** Part of a skill's share when it is only suggested by a job the person held. */
export const RELATED_SKILL_SHARE = 0.5;
/** Part of the skills points when the opening lists no skills: neither for nor against. */
export const NO_SKILLS_ASKED_SHARE = 0.5;

export type MatchProfile = {
  skills: readonly string[];
  languages: readonly string[];
  workExperience: readonly { title: string; sector: string; years: number }[];
  preferredSectors: readonly string[];
  preferredLocations: readonly string[];
  /** The person's town and country of origin (registry), when known. */
  origin?: { place: string | null; country: string | null };
};

export type MatchOpening = {
  sector: string;
  country: string;
  location: string;
  skills: readonly string[];
  languages: readonly string[];
};

export type MatchResult = { score: number; reasons: MatchReason[] };

// ---- normalisation -------------------------------------------------------------------------------

const SUFFIXES = [
  ...['ings', 'ing', 'ers', 'er', 'ors', 'or', 'ists', 'ist', 'ians', 'ian', 'ants', 'ant'],
  ...['ry', 'ity', 'es', 's', 'e'],
];
const MIN_STEM = 4;

/** A crude English stem, enough to see that a "Welder" does `welding` and a "Driver" `driving`. */
export function stem(word: string): string {
  let current = word.toLowerCase();
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => current.endsWith(s) && current.length - s.length >= MIN_STEM);
    if (!suffix) break;
    current = current.slice(0, -suffix.length);
  }
  return current;
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter(Boolean);

/** A skill tag's comparison key: its words, stemmed (`forklift-driving` and `forklift-driver` are one skill). */
const skillKey = (tag: string) => words(tag).map(stem).join('-');

/** Usual spellings of the towns of the Kurdistan Region of Iraq, to one key. */
const PLACE_ALIASES: Record<string, string> = {
  arbil: 'erbil',
  irbil: 'erbil',
  hewler: 'erbil',
  hawler: 'erbil',
  duhok: 'duhok',
  dohuk: 'duhok',
  dahuk: 'duhok',
  dihok: 'duhok',
  sulaymaniyah: 'sulaymaniyah',
  sulaymaniyya: 'sulaymaniyah',
  sulaimaniya: 'sulaymaniyah',
  sulaimaniyah: 'sulaymaniyah',
  sulaimani: 'sulaymaniyah',
  slemani: 'sulaymaniyah',
  silemani: 'sulaymaniyah',
  suleimaniye: 'sulaymaniyah',
  halabja: 'halabja',
  helebce: 'halabja',
  zakho: 'zakho',
  zaxo: 'zakho',
  kirkuk: 'kirkuk',
  kerkuk: 'kirkuk',
};

/** A place name's comparison key: lower case, no diacritics or punctuation, usual spellings merged. */
export function placeKey(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return PLACE_ALIASES[folded] ?? folded;
}

// ---- the components ------------------------------------------------------------------------------

const points = (weight: number, share: number) => Math.round(weight * Math.min(1, Math.max(0, share)));

function skillsReason(profile: MatchProfile, opening: MatchOpening): MatchReason {
  const max = MATCH_WEIGHTS.skills;
  const has = new Set(profile.skills.map(skillKey));
  const experienceStems = new Set(profile.workExperience.flatMap((e) => words(e.title).map(stem)));
  const matched: string[] = [];
  const related: string[] = [];
  const missing: string[] = [];
  for (const skill of opening.skills) {
    if (has.has(skillKey(skill))) matched.push(skill);
    else if (
      experienceStems.size > 0 &&
      words(skill)
        .map(stem)
        .every((w) => experienceStems.has(w))
    )
      related.push(skill);
    else missing.push(skill);
  }
  const asked = opening.skills.length;
  const share =
    asked === 0 ? NO_SKILLS_ASKED_SHARE : (matched.length + RELATED_SKILL_SHARE * related.length) / asked;
  return { code: 'skills', points: points(max, share), max, matched, related, missing };
}

function sectorReason(profile: MatchProfile, opening: MatchOpening): MatchReason {
  const max = MATCH_WEIGHTS.sector;
  const value = opening.sector as Extract<MatchReason, { code: 'sector' }>['value'];
  // "Other" says nothing about a fit.
  const via =
    value === 'other'
      ? null
      : profile.preferredSectors.includes(value)
        ? 'preference'
        : profile.workExperience.some((e) => e.sector === value)
          ? 'experience'
          : null;
  return { code: 'sector', points: via ? max : 0, max, value, via };
}

function locationReason(profile: MatchProfile, opening: MatchOpening): MatchReason {
  const max = MATCH_WEIGHTS.location;
  const where = placeKey(opening.location);
  if (profile.preferredLocations.some((l) => placeKey(l) === where))
    return { code: 'location', points: max, max, value: opening.location, via: 'preference' };
  if (profile.origin?.place && placeKey(profile.origin.place) === where)
    return { code: 'location', points: max, max, value: opening.location, via: 'origin' };
  if (profile.origin?.country && profile.origin.country === opening.country)
    return {
      code: 'location',
      points: points(max, SAME_COUNTRY_SHARE),
      max,
      value: opening.country,
      via: 'country',
    };
  return { code: 'location', points: 0, max, value: opening.location, via: null };
}

function languagesReason(profile: MatchProfile, opening: MatchOpening): MatchReason {
  const max = MATCH_WEIGHTS.languages;
  const spoken = new Set(profile.languages);
  const matched = opening.languages.filter((l) => spoken.has(l));
  const missing = opening.languages.filter((l) => !spoken.has(l));
  const asked = opening.languages.length;
  // All of them, or half the share of those spoken: a missing language is a barrier.
  const share = missing.length === 0 ? 1 : (0.5 * matched.length) / asked;
  return { code: 'languages', points: points(max, share), max, matched, missing };
}

/** The explained score of one returnee for one opening. */
export function matchScore(profile: MatchProfile, opening: MatchOpening): MatchResult {
  const reasons = [
    skillsReason(profile, opening),
    sectorReason(profile, opening),
    locationReason(profile, opening),
    languagesReason(profile, opening),
  ];
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

// ---- rankings ------------------------------------------------------------------------------------

const matchedSkills = (r: MatchResult) => {
  const skills = r.reasons.find((x) => x.code === 'skills');
  return skills?.code === 'skills' ? skills.matched.length : 0;
};
/** Best first; equal scores by more skills matched, then in the order given. */
const byScore = (a: MatchResult & { i: number }, b: MatchResult & { i: number }) =>
  b.score - a.score || matchedSkills(b) - matchedSkills(a) || a.i - b.i;

/** An opening can be proposed only while it is open with a post left. */
export const isAvailable = (o: { status: string; posts: number; filled: number }) =>
  o.status === 'open' && o.filled < o.posts;

/** The openings to propose to a returnee, best first; closed or full openings are never proposed. */
export function rankOpenings<O extends MatchOpening & { status: string; posts: number; filled: number }>(
  profile: MatchProfile,
  openings: readonly O[],
): { opening: O; score: number; reasons: MatchReason[] }[] {
  return openings
    .filter(isAvailable)
    .map((opening, i) => ({ opening, i, ...matchScore(profile, opening) }))
    .sort(byScore)
    .map(({ opening, score, reasons }) => ({ opening, score, reasons }));
}

/** The returnees to propose for an opening, best first. */
export function rankCandidates<C extends { profile: MatchProfile }>(
  opening: MatchOpening,
  candidates: readonly C[],
): { candidate: C; score: number; reasons: MatchReason[] }[] {
  return candidates
    .map((candidate, i) => ({ candidate, i, ...matchScore(candidate.profile, opening) }))
    .sort(byScore)
    .map(({ candidate, score, reasons }) => ({ candidate, score, reasons }));
}
