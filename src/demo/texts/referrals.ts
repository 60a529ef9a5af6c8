/**
 * What the demo's referrals say: summaries, reintegration needs, consent recipients, decline reasons and thread
 * messages, in the receiving office's working language. A summary is what the receiver reads before accepting:
 * it names no one, and mentions trafficking only when the trafficking details travel with it.
 */
type Lang = 'fr' | 'en';
export type ReferralVars = {
  /** "Woman", "Girl"... / "Femme", "Jeune fille"... */
  person: string;
  age: string;
  place: string;
  /** "in France" / "en France". */
  hostIn: string;
  /** "from France" / "depuis la France". */
  hostFrom: string;
  project: string;
  /** The receiving office's city. */
  city: string;
  /** "she" / "he". */
  pron: string;
  /** "her" / "his". */
  poss: string;
  /** A date, already formatted ("2 July" / "2 juillet"). */
  date: string;
  /** Its month and year ("September 2015" / "septembre 2015"). */
  month: string;
};

const fill = (template: string, vars: ReferralVars) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => (vars as Record<string, string>)[k] ?? k);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const HOST: Record<string, { in: Record<Lang, string>; from: Record<Lang, string> }> = {
  FR: { in: { fr: 'en France', en: 'in France' }, from: { fr: 'depuis la France', en: 'from France' } },
  ES: { in: { fr: 'en Espagne', en: 'in Spain' }, from: { fr: 'depuis l’Espagne', en: 'from Spain' } },
  IT: { in: { fr: 'en Italie', en: 'in Italy' }, from: { fr: 'depuis l’Italie', en: 'from Italy' } },
  GR: { in: { fr: 'en Grèce', en: 'in Greece' }, from: { fr: 'depuis la Grèce', en: 'from Greece' } },
  PL: { in: { fr: 'en Pologne', en: 'in Poland' }, from: { fr: 'depuis la Pologne', en: 'from Poland' } },
};

const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "2 July" / "2 juillet" for an ISO day. */
export function dayText(lang: Lang, isoDay: string): string {
  const [, month = '1', day = '1'] = isoDay.split('-');
  return `${Number(day)} ${MONTHS[lang][Number(month) - 1]}`;
}

export function referralVars(
  lang: Lang,
  p: {
    sex: 'female' | 'male';
    age: number;
    place: string;
    host: string;
    project: string;
    city: string;
    date: string;
  },
): ReferralVars {
  const minor = p.age < 18;
  const person =
    lang === 'fr'
      ? p.sex === 'female'
        ? minor
          ? 'jeune fille'
          : 'femme'
        : minor
          ? 'jeune homme'
          : 'homme'
      : p.sex === 'female'
        ? minor
          ? 'girl'
          : 'woman'
        : minor
          ? 'boy'
          : 'man';
  return {
    person,
    age: String(p.age),
    place: p.place,
    hostIn: HOST[p.host]?.in[lang] ?? p.host,
    hostFrom: HOST[p.host]?.from[lang] ?? p.host,
    project: p.project,
    city: p.city,
    pron: lang === 'fr' ? (p.sex === 'female' ? 'elle' : 'il') : p.sex === 'female' ? 'she' : 'he',
    poss: lang === 'fr' ? 'sa' : p.sex === 'female' ? 'her' : 'his',
    date: dayText(lang, p.date),
    month: `${MONTHS[lang][Number(p.date.slice(5, 7)) - 1]} ${p.date.slice(0, 4)}`,
  };
}

type Texts = Record<Lang, readonly string[]>;

const TRANSFER_TRAFFICKING: Texts = {
  fr: [
    '{person} de {age} ans, victime de traite identifiée {hostIn} et prise en charge dans le cadre du projet {project}. Retour volontaire vers {place} ; nous demandons au bureau de {city} de reprendre le dossier pour la réinsertion, évaluation des risques au retour comprise.',
    '{person} de {age} ans originaire de {place}, victime de traite (exploitation) identifiée {hostIn}, retour volontaire ({project}). Merci de reprendre la gestion du dossier à l’arrivée : accueil, plan de réinsertion et suivi.',
  ],
  en: [
    '{person} aged {age}, identified {hostIn} as a victim of trafficking and assisted there under {project}. Voluntary return to {place}; we ask the {city} office to take over the case for reintegration, including the risk assessment on return.',
    '{person} aged {age} from {place}, victim of trafficking (exploitation) identified {hostIn}; voluntary return under {project}. Please take over case management on arrival: reception, reintegration plan and monitoring.',
  ],
};

const TRANSFER_PLAIN: Texts = {
  fr: [
    '{person} de {age} ans originaire de {place}, retour volontaire {hostFrom}. Personne vulnérable qui a besoin d’un accompagnement renforcé ; nous demandons au bureau de {city} de reprendre le dossier après l’arrivée.',
    '{person} de {age} ans, retour volontaire {hostFrom} vers {place}. Merci de reprendre la gestion du dossier à l’arrivée : accueil, plan de réinsertion et suivi à 3, 6 et 12 mois.',
  ],
  en: [
    '{person} aged {age} from {place}, returning voluntarily {hostFrom}. Vulnerable returnee who needs reinforced reintegration support; we ask the {city} office to take over the case after arrival.',
    '{person} aged {age}, voluntary return {hostFrom} to {place}. Please take over case management on arrival: reception, reintegration plan and monitoring at 3, 6 and 12 months.',
  ],
};

const NEEDS_VULNERABLE: Texts = {
  fr: [
    'Hébergement sécurisé pour les premières semaines : {pron} ne souhaite pas retourner dans {poss} famille pour le moment.',
    'Soutien psychosocial à proximité de {place}.',
    'Formation professionnelle (coiffure, couture ou restauration) puis aide à la recherche d’emploi.',
    'Aide en nature pour une petite activité commerciale ; expérience dans la vente.',
    'Aide pour obtenir une nouvelle carte d’identité et les documents d’état civil.',
  ],
  en: [
    'Safe accommodation for the first weeks: {pron} does not wish to return to {poss} family for now.',
    'Psychosocial support close to {place}.',
    'Vocational training (hairdressing, tailoring or catering), then help to find work.',
    'In-kind support for a small business; experience in retail.',
    'Help to obtain a new identity card and civil-status documents.',
  ],
};

const NEEDS_GENERAL: Texts = {
  fr: [
    'Aide en nature pour relancer une activité agricole familiale.',
    'Formation professionnelle courte et aide à la recherche d’emploi à {place}.',
    'Aide au logement pendant trois mois.',
  ],
  en: [
    'In-kind support to restart the family’s farming activity.',
    'Short vocational training and help to find work in {place}.',
    'Housing support for three months.',
  ],
};

export function transferSummary(lang: Lang, trafficking: boolean, vars: ReferralVars, pick: number): string {
  const list = (trafficking ? TRANSFER_TRAFFICKING : TRANSFER_PLAIN)[lang];
  return capitalise(fill(list[pick % list.length] as string, vars));
}

export function reintegrationNeeds(
  lang: Lang,
  vulnerable: boolean,
  vars: ReferralVars,
  picks: number[],
): string {
  const list = (vulnerable ? NEEDS_VULNERABLE : NEEDS_GENERAL)[lang];
  const chosen = [...new Set(picks.map((p) => p % list.length))];
  return chosen.map((i) => fill(list[i] as string, vars)).join(' ');
}

/** A consent recipient that names the office (its city), as people write them. */
export function officeConsentRecipient(
  lang: Lang,
  city: string,
  purpose: 'transfer' | 'magnet' | 'local',
): string {
  if (lang === 'fr')
    return {
      transfer: `Bureau de ${city} (transfert du dossier et réinsertion)`,
      magnet: `Bureau d’${city} (MAGNET II, aide à la recherche d’emploi)`,
      local: `Bureau de ${city} (aide à la réinsertion sur place)`,
    }[purpose];
  return {
    transfer: `${city} office (case transfer and reintegration)`,
    magnet: `${city} office (MAGNET II job-search support)`,
    local: `${city} office (local reintegration support)`,
  }[purpose];
}

// ---- the near-end referrals: one text each --------------------------------------------------------

/** Paris to Erbil, in English: Erbil's working language. */
export const MAGNET_SUMMARY =
  '{person} aged {age} from {place}, preparing a voluntary return {hostFrom} (departure planned around {date}). Asks for MAGNET II job-search support on arrival: skills profile and matching with partner employers. The Paris office keeps the case until departure.';
/** In English: Erbil's working language. */
export const MAGNET_NEEDS = {
  male: 'Several years in construction {hostIn}; driving licence. Wants salaried work in {place} rather than starting a business.',
  female:
    'Several years in catering and cleaning {hostIn}; some English. Wants salaried work in {place}, with childcare nearby.',
} as const;

/** Paris to Tirana, in English. */
export const LOCAL_SUMMARY =
  '{person} aged {age}, back in {place}. The Paris office keeps the case and asks the {city} office to hand over the in-kind reintegration grant locally and to carry out the 3-month monitoring visit.';

export const PARTNER_SUMMARY =
  '{person} aged {age}, back in {place} since {month}. Conflict with {poss} family since the return; needs a safe place to stay for about three months, with psychosocial support, while {pron} starts vocational training.';
export const PARTNER_NEEDS =
  'Shelter placement for about three months; psychosocial counselling; accompaniment to the vocational training centre.';
export const PARTNER = {
  name: 'Different & Equal (shelter, Tirana)',
  contact: 'Case manager on duty (shelter)',
  consent: 'Different & Equal (shelter, Tirana) – accommodation and psychosocial support',
};

export const OVERRIDE = {
  summary: {
    fr: '{person} de {age} ans, mineur non accompagné, retour volontaire vers {place} en préparation. Diabète insulinodépendant : le traitement doit être assuré sans interruption dès l’arrivée. Demande urgente de rendez-vous médical et de recherche familiale.',
    en: '{person} aged {age}, unaccompanied minor, voluntary return to {place} being prepared. Insulin-dependent diabetes: treatment must continue without a break from arrival. Urgent request for a medical appointment and family tracing.',
  },
  needs: {
    fr: 'Continuité du traitement (insuline) ; recherche de la famille à {place} et évaluation de l’intérêt supérieur avant toute remise à la famille.',
    en: 'Continuity of treatment (insulin); family tracing in {place} and a best-interests assessment before any handover to the family.',
  },
  justification: {
    fr: 'Mineur non accompagné sans administrateur ad hoc désigné à ce jour : aucun consentement valable ne peut être recueilli avant le départ. Traitement vital (insuline) à poursuivre dès l’arrivée ; la transmission au bureau de {city} est nécessaire dans son intérêt supérieur. Consentement à régulariser dès la désignation du représentant.',
    en: 'Unaccompanied minor without an appointed guardian so far: no valid consent can be obtained before departure. Life-saving treatment (insulin) must continue from arrival; sharing with the {city} office is necessary in the child’s best interests. Consent to be recorded as soon as a guardian is appointed.',
  },
} as const;

export const DECLINE = {
  ngca: 'Declined for now: the person’s home town ({place}) is in a non-government-controlled area where our office cannot deliver reintegration assistance. Please confirm where {pron} will settle (e.g. Kharkiv or Dnipro) and send the transfer again.',
  noDate: {
    fr: 'Transfert prématuré : pas encore de laissez-passer ni de date de départ. Merci de renvoyer la demande une fois le voyage confirmé, avec la section aptitude médicale.',
    en: 'Too early: there is no travel document or departure date yet. Please send the transfer again once the travel is confirmed, with the medical fitness section.',
  },
  documents: {
    fr: 'Merci de partager la section documents : il nous faut les références du document de voyage pour organiser l’accueil à l’aéroport avant d’accepter le transfert.',
    en: 'Please share the documents section: we need the travel document details to organise the reception at the airport before accepting the transfer.',
  },
  kirkuk:
    'Declined: the person plans to settle in Kirkuk, outside the MAGNET II area of operation (Erbil, Sulaymaniyah, Duhok governorates). We can give information on other programmes on arrival.',
  quota:
    'Declined: MAGNET II placements for this quarter are full around {place}. Please refer again in September; the person can meet our caseworker for information on arrival.',
} as const;

/** Thread messages, by situation: [side, text]. */
export const THREADS = {
  pendingTact: [
    [
      'sender',
      'Flight booked on {date} via Rome, arrival at Tirana airport in the afternoon. The person asks to be met by a woman staff member; the escort will hand over the fit-to-travel certificate.',
    ],
    [
      'receiver',
      'Thank you. We are reviewing the transfer this week; a protection officer can meet the person at the airport. Could you confirm whether the shelter place should be booked from the day of arrival?',
    ],
    [
      'sender',
      'Yes please, from the day of arrival: {pron} does not want to go to {poss} family’s place for now.',
    ],
  ],
  pendingTactArrived: [
    [
      'sender',
      'The person arrived on {date} and is staying with a relative for a few days; {pron} asks to be contacted by a woman staff member.',
    ],
    [
      'receiver',
      'Thank you. We are reviewing the transfer this week; in the meantime our protection officer will call to arrange a first meeting.',
    ],
  ],
  overdueReminder: {
    fr: 'Relance : le départ est prévu le {date}. Merci de nous confirmer la prise en charge par votre bureau, ou de nous dire s’il manque une information.',
    en: 'Reminder: departure is planned on {date}. Please confirm that your office will take over the case, or tell us what information is missing.',
  },
  magnet: [
    [
      'receiver',
      'Accepted. Please send the flight details when booked; our caseworker will do the skills profile in the week after arrival.',
    ],
    ['sender', 'Thank you. The departure date will be confirmed after the fit-to-travel check.'],
  ],
  override: [
    [
      'receiver',
      'Bien reçu. Un rendez-vous est pris en endocrinologie pédiatrique à Rabat le lendemain de l’arrivée ; la recherche familiale est lancée avec nos partenaires.',
    ],
    [
      'sender',
      'Merci. L’escorte remettra l’ordonnance et un mois de traitement à votre collègue à l’arrivée.',
    ],
  ],
  local: [
    [
      'receiver',
      'Accepted. We will hand over the grant at our office and schedule the 3-month visit; we will post the outcome here.',
    ],
  ],
  followUp: {
    fr: [
      [
        'receiver',
        'Nouvelles : plan de réinsertion validé ; la formation professionnelle a commencé ce mois-ci et la personne se sent en sécurité là où elle vit.',
      ],
      ['sender', 'Merci pour ces nouvelles, et pour la reprise rapide du dossier.'],
    ],
    en: [
      [
        'receiver',
        'Update: reintegration plan agreed; the vocational training course started this month and the person feels safe where {pron} lives.',
      ],
      ['sender', 'Thank you for the update, and for the quick handover.'],
    ],
  },
} as const;

export function fillText(template: string, vars: ReferralVars): string {
  return capitalise(fill(template, vars));
}
