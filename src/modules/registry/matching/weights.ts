/**
 * The scoring model, as data. A comparison adds log-likelihood-ratio weights (evidence for "same person"
 * minus evidence against), starting from a prior, and maps the sum to 0..1 with the logistic function.
 * Weights were set by reasoning about error rates before measuring (see below), then checked on the
 * bench's synthetic populations.
 */

/**
 * The shipped threshold: pairs scoring at or above it are proposed as likely duplicates (batch review, and
 * the "possible matches" panel at registration). Declared before measuring. 0.8 means odds of 4:1 for
 * "same person" under the model: a full name agreeing with a full birth date passes even for common names;
 * a shared name with only a birth year passes only if the name is rare or the father's name agrees too;
 * any different given name never passes (see GIVEN_CONFLICT_CAP), so siblings and twins are not proposed.
 */
export const MATCH_THRESHOLD = 0.8;

/** A different given name (not a variant, typo or subset) caps the score below the threshold. */
export const GIVEN_CONFLICT_CAP = 0.4;

/**
 * The prior: log odds that two persons of a group (same nationality, else everyone) are the same person,
 * ln(duplicatesPerPerson / group size). Bigger registries need stronger evidence for the same score.
 * Without NameFrequencies, the default sizes apply.
 */
export const POPULATION = {
  duplicatesPerPerson: 0.25,
  defaultTotal: 100_000,
  defaultGroup: 20_000,
  /** Default shares are per nationality; among everyone, a name is this many times rarer. */
  globalShareFactor: 0.2,
  /**
   * Added to the prior log odds: corrects the hand-set likelihood ratios (which assume independent
   * evidence). Calibrated once, in whole units, on a 100k synthetic population (bench/dedup with seed 7,
   * not the seed the bench reports on) for the best F1 at MATCH_THRESHOLD: +2 and +3 were within 0.001,
   * the more conservative (fewer false matches) was kept.
   */
  calibration: 2,
} as const;

/**
 * Agreement on a name part: weight = ln(m / share), clamped, where share is the part's frequency among
 * the group (NameFrequencies) or the default.
 */
export const NAME_AGREEMENT = {
  m: 0.95,
  min: 1,
  max: 9,
  /** Share of a nationality's persons having a given name, family name or father's name. */
  defaultShare: { given: 0.02, family: 0.005, father: 0.02 },
  /** Frequencies are smoothed toward the default share as if this many persons had been seen. */
  smoothing: 200,
} as const;

/** Multipliers of the agreement weight by level of agreement, and conflict weights by part. */
export const NAME_LEVEL_FACTOR = {
  same: 1,
  variant: 0.93,
  transliteration: 0.93,
  typo: 0.65,
  partial: 0.5,
  similar: 0.3,
} as const;

/**
 * Disagreement: ln(P(differ | same person) / P(differ | different persons)). Family and father's names
 * differ between records of one person more often (untracked spellings, patronymic forms) than given
 * names; a given-name conflict also caps the score (GIVEN_CONFLICT_CAP).
 */
export const NAME_CONFLICT = { given: -8, family: -5, father: -2.5 } as const;

/** Typo thresholds on folded names. */
export const TYPO = {
  /** Edit distance allowed at or above these lengths: 1 from 4 letters, 2 from 8. */
  oneEditFrom: 4,
  /** The same for consonant keys (names written without vowels): 1 from 3 consonants. */
  oneKeyEditFrom: 3,
  twoEditsFrom: 8,
  /** Jaro-Winkler from which two Latin spellings are a typo apart; from `similar`, merely similar. */
  jaroWinkler: 0.92,
  similar: 0.85,
} as const;

/**
 * ln(P(level | same person) / P(level | different persons)), with birth dates spread over ~60 years:
 * a full date shared by chance has odds ~1 in 20,000; a year, ~1 in 60.
 */
export const BIRTH_DATE = {
  same: 9.5,
  dayMonthSwapped: 6,
  sameMonth: 5,
  yearOffSameDay: 6,
  dayDiffers: 1.5,
  /** Same year where one or both dates are only a year (or a 01-01 placeholder). */
  sameYearOnly: 3.5,
  yearOffYearOnly: 0.3,
  sameYearOtherDay: -2,
  yearOffOtherDay: -3,
  /** Years two or more apart: base, and per further year (up to 10). */
  conflict: -6,
  conflictPerYear: -0.3,
} as const;

/**
 * Place of origin (village or town), compared like a name. Agreement: ln(m / share), where share is the
 * place's frequency among the group (NameFrequencies, key "o:…"), clamped to [min, max], times the level
 * factor (NAME_LEVEL_FACTOR) for a variant spelling or a typo. m = P(the same place is given | same
 * person, both records have one): people also name the nearest town, or write it another way. The cap is
 * below the names' one: families cluster geographically (relatives and namesakes of one clan come from
 * the same village), so a shared village says less than its frequency suggests. Disagreement:
 * ln(P(differ | same person) / P(differ | different persons)) ≈ ln(0.25 / 0.95): mild.
 */
export const PLACE = {
  m: 0.75,
  min: 0.5,
  max: 5,
  /** Share of a nationality's persons from a place, without frequencies. */
  defaultShare: 0.01,
  smoothing: 200,
  conflict: -1.3,
  /** Agreement when family and father's names agree too (see compare.ts). */
  agreementInHousehold: 0,
} as const;

/**
 * A given name is common (so that a typo-like difference from another common name is read as two names)
 * when at least this share of its group has it, and at least minCount persons (more than one person's
 * records). Only with NameFrequencies.
 */
export const COMMON_NAME = { minShare: 0.001, minCount: 10 } as const;

/** Names mostly tell the sex already, hence the small agreement weight. */
export const SEX = { same: 0.2, conflict: -4 } as const;
/** Agreement is already counted by comparing names within the nationality (see POPULATION). */
export const NATIONALITY = { same: 0, conflict: -2 } as const;

/**
 * The same identity document (type, issuing country and number) on both records: ln(P(same | same
 * person) / P(same | different persons)), the latter being a mistyped number landing on another holder's,
 * about one in a million. Whatever the rest says, the pair is proposed (the score is at least the
 * threshold, and the given-name cap does not apply): either the records are one person's, or one
 * person's document was recorded on another's record (a brother's passport on the wrong file), and a
 * reviewer must look at it either way. The reasons show what disagrees.
 */
export const DOCUMENT = { same: 12, atLeast: MATCH_THRESHOLD } as const;
