/**
 * What the demo's case workers write: notes and task titles by stage of the workflow, and why people withdrew,
 * in the office's working language. `{placeholders}` are filled in by the case histories (people.ts).
 */
type Lang = 'fr' | 'en';
export type Texts = Record<Lang, readonly string[]>;

export const NOTES: Record<string, Texts> = {
  vot_confidential: {
    fr: [
      'Entretien d’identification : exploitation sexuelle sous le contrôle d’un réseau à {hostCity} ; plainte déposée, procédure en cours.',
      'Craint des représailles du réseau à son retour à {place}. Évaluation des risques à partager avec le bureau de {originCity}, avec son accord.',
      'Ne souhaite pas retourner dans sa famille ; hébergement en foyer à prévoir à l’arrivée.',
      'Suivi psychologique en cours (symptômes de stress post-traumatique) ; certificat médical au dossier.',
      'Dettes contractées auprès du recruteur ; à prendre en compte dans le plan de réinsertion.',
    ],
    en: [
      'Identification interview: sexual exploitation controlled by a network in {hostCity}; complaint filed, proceedings ongoing.',
      'Fears reprisals by the network on return to {place}. Risk assessment to be shared with the {originCity} office, with her consent.',
      'Does not want to return to her family; shelter placement to arrange on arrival.',
      'Ongoing psychological support (post-traumatic stress symptoms); medical certificate on file.',
      'Debts owed to the recruiter; to be addressed in the reintegration plan.',
    ],
  },
  intake: {
    fr: [
      'Orientation par {referrer}. Premier entretien avec interprète en {language}.',
      'Venu(e) spontanément à la permanence ; demande d’information sur l’aide au retour.',
    ],
    en: [
      'Referred by {referrer}. First interview with an interpreter ({language}).',
      'Walk-in at the office; asked about assisted return.',
    ],
  },
  counselling: {
    fr: [
      'Entretien de conseil : informations sur {country} et sur l’aide à la réinsertion remises ; la personne souhaite réfléchir quelques jours.',
      'Décision de retour confirmée ; la déclaration de retour volontaire a été expliquée en {language}.',
    ],
    en: [
      'Counselling session: information on {country} and on reintegration support given; the person wants a few days to decide.',
      'Decision to return confirmed; the voluntary return declaration was explained in {language}.',
    ],
  },
  travel_preparation: {
    fr: [
      'Rendez-vous pris au consulat pour le laissez-passer.',
      'Visite médicale d’aptitude au voyage programmée.',
    ],
    en: ['Appointment at the consulate for the travel document.', 'Fit-to-travel medical check scheduled.'],
  },
  ready_to_travel: {
    fr: ['Vol réservé ; accompagnement jusqu’à l’aéroport prévu.', 'Allocation de départ remise en espèces.'],
    en: ['Flight booked; escort to the airport arranged.', 'Departure allowance handed over in cash.'],
  },
  arrived: {
    fr: ['Arrivée confirmée par le bureau de {originCity} ; accueil à l’aéroport assuré.'],
    en: ['Arrival confirmed by the {originCity} office; met at the airport.'],
  },
  reintegration_planning: {
    fr: [
      'Plan de réinsertion validé : formation professionnelle et aide au logement pendant six mois.',
      'Plan de réinsertion : petit commerce (épicerie) avec un apport en nature.',
    ],
    en: [
      'Reintegration plan agreed: vocational training and housing support for six months.',
      'Reintegration plan: small business (grocery) with in-kind support.',
    ],
  },
  monitoring: {
    fr: [
      'Entretien de suivi à 6 mois : activité génératrice de revenus en place, situation stable.',
      'Suivi à 3 mois par téléphone : se sent en sécurité, suit sa formation.',
    ],
    en: [
      '6-month monitoring: income-generating activity running, situation stable.',
      '3-month monitoring call: feels safe, attending her training.',
    ],
  },
  labour: {
    fr: [],
    en: [
      'Skills profile: {years} years in construction abroad, basic {hostLanguage}, driving licence.',
      'Matched with a partner employer in {city} (hotel sector); interview scheduled.',
      'Placement started; wage subsidy for six months agreed with the employer.',
      'Follow-up visit: employer satisfied, returnee intends to stay.',
    ],
  },
  resettlement: {
    fr: [
      'Dossier référé par le HCR ({referral}) ; composition familiale vérifiée.',
      'Entretien RRF réalisé avec un interprète arabe ; tous les membres majeurs présents.',
      'Bilan de santé : suivi médical à organiser à l’arrivée.',
      'Séance d’orientation culturelle avant départ (trois jours) suivie par les adultes.',
      'Accueil à l’aéroport et remise aux services d’accueil de {city}.',
    ],
    en: [],
  },
};

export const TASKS: Record<string, Texts> = {
  intake: { fr: ['Premier entretien de conseil'], en: ['First counselling session'] },
  counselling: {
    fr: ['Informer sur le pays de retour', 'Recueillir les consentements'],
    en: ['Country-of-return information', 'Collect consents'],
  },
  eligibility: {
    fr: ['Vérification d’éligibilité et screening de vulnérabilité'],
    en: ['Eligibility and vulnerability screening'],
  },
  travel_preparation: {
    fr: [
      'Obtenir le laissez-passer au consulat',
      'Visite médicale d’aptitude au voyage',
      'Faire signer la déclaration',
    ],
    en: [
      'Obtain the travel document at the consulate',
      'Fit-to-travel medical check',
      'Have the declaration signed',
    ],
  },
  ready_to_travel: {
    fr: ['Réserver le vol et l’escorte', 'Préparer l’allocation de départ'],
    en: ['Book flight and escort', 'Prepare the departure allowance'],
  },
  arrived: { fr: ['Appel de bienvenue après l’arrivée'], en: ['Welcome call after arrival'] },
  reintegration_planning: { fr: ['Rédiger le plan de réinsertion'], en: ['Draft the reintegration plan'] },
  reintegration_assistance: {
    fr: ['Verser la deuxième tranche de l’aide'],
    en: ['Pay the second instalment of the grant'],
  },
  monitoring: { fr: ['Entretien de suivi à 6 mois'], en: ['6-month monitoring interview'] },
  profiling: { fr: ['Profil de compétences'], en: ['Skills profile interview'] },
  matching: { fr: ['Chercher un employeur partenaire'], en: ['Find a partner employer'] },
  placement: { fr: ['Signer la convention de stage'], en: ['Sign the placement agreement'] },
  follow_up: { fr: ['Visite de suivi chez l’employeur'], en: ['Follow-up visit at the employer'] },
  verification: { fr: ['Vérifier la composition familiale'], en: ['Verify household composition'] },
  interview: { fr: ['Compléter le formulaire RRF'], en: ['Complete the RRF'] },
  submission: { fr: ['Transmettre le dossier aux autorités'], en: ['Submit the file'] },
  decision: { fr: ['Relancer pour la décision'], en: ['Chase the decision'] },
  health_assessment: { fr: ['Organiser le bilan de santé'], en: ['Arrange the health assessment'] },
  pre_departure_orientation: { fr: ['Séance d’orientation avant départ'], en: ['Pre-departure orientation'] },
  exit_permits: { fr: ['Obtenir visas et permis de sortie'], en: ['Obtain visas and exit permits'] },
  movement: { fr: ['Coordonner l’accueil à l’aéroport'], en: ['Coordinate airport reception'] },
};

export const WITHDRAW_COMMENT: Texts = {
  fr: [
    'La personne ne souhaite plus rentrer pour le moment.',
    'A obtenu un droit au séjour ; renonce au retour.',
    'Injoignable puis a confirmé renoncer au retour.',
  ],
  en: [
    'The person no longer wishes to return for now.',
    'Obtained a right to stay; no longer wants to return.',
    'Could not be reached, then confirmed she/he withdraws.',
  ],
};
