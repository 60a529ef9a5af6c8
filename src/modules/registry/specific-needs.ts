/**
 * Specific-needs codes (two levels: category, then detail), as used across protection case management.
 * Browser-safe: the web app shows the labels. The TR category is trafficking (DOMAIN.md), a special category
 * of personal data.
 */
type Label = { fr: string; en: string };

export const NEED_CATEGORIES = {
  CR: { fr: 'Enfant à risque', en: 'Child at risk' },
  SC: { fr: 'Enfant non accompagné ou séparé', en: 'Unaccompanied or separated child' },
  WR: { fr: 'Femme à risque', en: 'Woman at risk' },
  ER: { fr: 'Personne âgée à risque', en: 'Older person at risk' },
  SP: { fr: 'Parent isolé', en: 'Single parent or caregiver' },
  DS: { fr: 'Handicap', en: 'Disability' },
  SM: { fr: 'Problème médical grave', en: 'Serious medical condition' },
  TR: { fr: 'Traite des êtres humains', en: 'Trafficking in persons' },
  SV: { fr: 'Survivant(e) de violences', en: 'Survivor of violence' },
  LP: { fr: 'Besoins de protection juridique', en: 'Legal protection needs' },
  PG: { fr: 'Femme enceinte ou allaitante', en: 'Pregnant or lactating woman' },
  FU: { fr: 'Unité familiale', en: 'Family unity' },
} as const satisfies Record<string, Label>;

export const SPECIFIC_NEEDS = {
  'CR-CP': { fr: 'Enfant parent', en: 'Child parent' },
  'CR-CS': { fr: 'Enfant marié(e)', en: 'Child spouse' },
  'CR-LW': { fr: 'Travail des enfants', en: 'Child labour' },
  'CR-CL': { fr: 'Enfant en conflit avec la loi', en: 'Child in conflict with the law' },
  'SC-UC': { fr: 'Enfant non accompagné', en: 'Unaccompanied child' },
  'SC-SC': { fr: 'Enfant séparé', en: 'Separated child' },
  'SC-CH': { fr: 'Ménage dirigé par un enfant', en: 'Child-headed household' },
  'WR-WR': { fr: 'Femme seule à risque', en: 'Single woman at risk' },
  'WR-SF': { fr: 'Femme cheffe de ménage', en: 'Single female household representative' },
  'ER-NF': { fr: 'Personne âgée dépendante', en: 'Older person unable to care for self' },
  'ER-MC': { fr: 'Personne âgée avec enfants à charge', en: 'Older person with children' },
  'SP-PT': { fr: 'Parent isolé', en: 'Single parent' },
  'SP-CG': { fr: 'Aidant isolé', en: 'Single caregiver' },
  'DS-BD': { fr: 'Déficience visuelle', en: 'Visual impairment' },
  'DS-DF': { fr: 'Déficience auditive', en: 'Hearing impairment' },
  'DS-PM': { fr: 'Handicap physique', en: 'Physical disability' },
  'DS-MM': { fr: 'Handicap intellectuel', en: 'Intellectual disability' },
  'SM-MI': { fr: 'Maladie mentale', en: 'Mental illness' },
  'SM-CI': { fr: 'Maladie chronique', en: 'Chronic illness' },
  'SM-CC': { fr: 'État médical critique', en: 'Critical medical condition' },
  'SM-DP': { fr: 'Grossesse difficile', en: 'Difficult pregnancy' },
  'TR-PI': { fr: 'Victime de traite identifiée', en: 'Identified victim of trafficking' },
  'TR-RK': { fr: 'Risque de traite', en: 'At risk of trafficking' },
  'SV-VA': { fr: 'Violences ou abus', en: 'Violence or abuse' },
  'SV-GM': { fr: 'Mutilations génitales féminines', en: 'Female genital mutilation' },
  'SV-FM': { fr: 'Mariage forcé', en: 'Forced marriage' },
  'SV-VF': { fr: 'Violences conjugales', en: 'Domestic violence' },
  'LP-ND': { fr: 'Sans document d’identité', en: 'No legal documentation' },
  'LP-DT': { fr: 'Détention', en: 'Detained' },
  'LP-RR': { fr: 'Risque de refoulement', en: 'At risk of refoulement' },
  'PG-LC': { fr: 'Femme allaitante', en: 'Lactating woman' },
  'PG-HR': { fr: 'Grossesse à risque', en: 'High-risk pregnancy' },
  'FU-TR': { fr: 'Recherche de famille nécessaire', en: 'Family tracing required' },
  'FU-FR': { fr: 'Réunification familiale nécessaire', en: 'Family reunification required' },
} as const satisfies Record<`${keyof typeof NEED_CATEGORIES}-${string}`, Label>;

export type SpecificNeedCode = keyof typeof SPECIFIC_NEEDS;
export const SPECIFIC_NEED_CODES = Object.keys(SPECIFIC_NEEDS) as [SpecificNeedCode, ...SpecificNeedCode[]];
