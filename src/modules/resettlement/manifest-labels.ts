/** Column headings and titles of the manifest, in French and English. */
import type { Lang } from '../../platform/i18n';

export const MANIFEST_LABELS: Record<
  Lang,
  {
    title: string;
    movement: string;
    destination: string;
    departure: string;
    legs: string;
    escorts: string;
    numbersMasked: string;
    numbersFull: string;
    printed: string;
    pageOf: (n: number, total: number) => string;
    columns: Record<
      | 'household'
      | 'agency'
      | 'familyName'
      | 'givenName'
      | 'nameOriginal'
      | 'sex'
      | 'birthDate'
      | 'nationality'
      | 'travelDocument'
      | 'visa'
      | 'needs'
      | 'ssr'
      | 'escort'
      | 'boarding',
      string
    >;
    escortColumns: Record<'name' | 'kind' | 'organisation' | 'forHousehold', string>;
    legColumns: Record<'flight' | 'route' | 'departsAt' | 'arrivesAt', string>;
    totals: (t: {
      persons: number;
      seats: number;
      infants: number;
      escorts: number;
      households: number;
    }) => string;
  }
> = {
  en: {
    title: 'Movement manifest',
    movement: 'Movement',
    destination: 'Destination',
    departure: 'Departure',
    legs: 'Flights',
    escorts: 'Escorts',
    numbersMasked: 'Document numbers masked',
    numbersFull: 'Full document numbers: confidential',
    printed: 'Printed',
    pageOf: (n, total) => `page ${n} / ${total}`,
    columns: {
      household: 'Household',
      agency: 'Agency ref.',
      familyName: 'Family name',
      givenName: 'Given name',
      nameOriginal: 'Original script',
      sex: 'Sex',
      birthDate: 'Born',
      nationality: 'Nat.',
      travelDocument: 'Travel document',
      visa: 'Visa',
      needs: 'Needs',
      ssr: 'SSR',
      escort: 'Escort',
      boarding: 'Boarding',
    },
    escortColumns: { name: 'Name', kind: 'Kind', organisation: 'Organisation', forHousehold: 'Household' },
    legColumns: { flight: 'Flight', route: 'Route', departsAt: 'Departs (UTC)', arrivesAt: 'Arrives (UTC)' },
    totals: (t) =>
      `${t.households} households, ${t.persons} persons (${t.infants} infants), ${t.escorts} escorts, ${t.seats} seats`,
  },
  fr: {
    title: 'Manifeste de mouvement',
    movement: 'Mouvement',
    destination: 'Destination',
    departure: 'Départ',
    legs: 'Vols',
    escorts: 'Escortes',
    numbersMasked: 'Numéros de documents masqués',
    numbersFull: 'Numéros de documents complets : confidentiel',
    printed: 'Imprimé le',
    pageOf: (n, total) => `page ${n} / ${total}`,
    columns: {
      household: 'Ménage',
      agency: 'Réf. agence',
      familyName: 'Nom',
      givenName: 'Prénom',
      nameOriginal: 'Écriture d’origine',
      sex: 'Sexe',
      birthDate: 'Naissance',
      nationality: 'Nat.',
      travelDocument: 'Document de voyage',
      visa: 'Visa',
      needs: 'Besoins',
      ssr: 'SSR',
      escort: 'Escorte',
      boarding: 'Embarquement',
    },
    escortColumns: { name: 'Nom', kind: 'Type', organisation: 'Organisation', forHousehold: 'Ménage' },
    legColumns: { flight: 'Vol', route: 'Trajet', departsAt: 'Départ (UTC)', arrivesAt: 'Arrivée (UTC)' },
    totals: (t) =>
      `${t.households} ménages, ${t.persons} personnes (${t.infants} nourrissons), ${t.escorts} escortes, ${t.seats} places`,
  },
};
