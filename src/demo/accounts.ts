/** The demo accounts (one shared, published password): who signs in to the demo, in which office and role. */
import type { Role } from '../platform/permissions';

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  office: string;
  role: Role;
  /** Further offices where the account holds the same role. */
  alsoIn?: string[];
  locale: 'fr' | 'en';
}[] = [
  {
    email: 'admin@passerelle.test',
    displayName: 'Hélène Garnier',
    office: 'PAR',
    role: 'administrator',
    locale: 'fr',
  },
  {
    email: 'supervisor.paris@passerelle.test',
    displayName: 'Julien Moreau',
    office: 'PAR',
    role: 'supervisor',
    locale: 'fr',
  },
  {
    email: 'caseworker.paris@passerelle.test',
    displayName: 'Sophie Laurent',
    office: 'PAR',
    role: 'caseworker',
    locale: 'fr',
  },
  {
    email: 'protection.paris@passerelle.test',
    displayName: 'Nadia Benali',
    office: 'PAR',
    role: 'protection_officer',
    locale: 'fr',
  },
  // Health assessments of the resettlement households: she alone (with protection officers) reads the findings.
  {
    email: 'medical.paris@passerelle.test',
    displayName: 'Yasmine Farah',
    office: 'PAR',
    role: 'medical_officer',
    locale: 'fr',
  },
  {
    email: 'pm.paris@passerelle.test',
    displayName: 'Thomas Petit',
    office: 'PAR',
    role: 'project_manager',
    locale: 'fr',
  },
  {
    email: 'me.paris@passerelle.test',
    displayName: 'Claire Dubois',
    office: 'PAR',
    role: 'me_officer',
    locale: 'fr',
  },
  {
    email: 'comms.paris@passerelle.test',
    displayName: 'Léa Fontaine',
    office: 'PAR',
    role: 'communications',
    locale: 'fr',
  },
  // Reviews the people registered twice across the offices of the returns to Iraq and Ukraine (ADR 0010).
  {
    email: 'registry@passerelle.test',
    displayName: 'Samir Haddad',
    office: 'PAR',
    role: 'registry_officer',
    alsoIn: ['EBL', 'KYI'],
    locale: 'fr',
  },
  {
    email: 'dpo@passerelle.test',
    displayName: 'Marc Lefèvre',
    office: 'PAR',
    role: 'data_protection_officer',
    locale: 'fr',
  },
  {
    email: 'caseworker.tirana@passerelle.test',
    displayName: 'Arta Hoxha',
    office: 'TIR',
    role: 'caseworker',
    locale: 'en',
  },
  // Tirana accepts and continues the trafficking cases handed over by the host offices (TACT, CARE): only
  // supervisors answer referrals, and only supervisors and protection officers see trafficking cases.
  {
    email: 'supervisor.tirana@passerelle.test',
    displayName: 'Ilir Shehu',
    office: 'TIR',
    role: 'supervisor',
    locale: 'en',
  },
  {
    email: 'protection.tirana@passerelle.test',
    displayName: 'Blerina Dervishi',
    office: 'TIR',
    role: 'protection_officer',
    locale: 'en',
  },
  // Rabat, Kyiv and Erbil supervisors answer what is referred or transferred to their office, approve
  // reintegration plans and see the office's budgets, trainings and campaigns.
  {
    email: 'supervisor.rabat@passerelle.test',
    displayName: 'Karim Tazi',
    office: 'RAB',
    role: 'supervisor',
    locale: 'fr',
  },
  {
    email: 'caseworker.rabat@passerelle.test',
    displayName: 'Youssef El Amrani',
    office: 'RAB',
    role: 'caseworker',
    locale: 'fr',
  },
  {
    email: 'supervisor.kyiv@passerelle.test',
    displayName: 'Andrii Melnyk',
    office: 'KYI',
    role: 'supervisor',
    locale: 'en',
  },
  {
    email: 'caseworker.kyiv@passerelle.test',
    displayName: 'Olena Kovalenko',
    office: 'KYI',
    role: 'caseworker',
    locale: 'en',
  },
  {
    email: 'supervisor.erbil@passerelle.test',
    displayName: 'Hemin Rasul',
    office: 'EBL',
    role: 'supervisor',
    locale: 'en',
  },
  {
    email: 'caseworker.erbil@passerelle.test',
    displayName: 'Shilan Ahmed',
    office: 'EBL',
    role: 'caseworker',
    locale: 'en',
  },
  // MAGNET II in Erbil: the project's budget and indicators for the office, information campaigns (Calais).
  {
    email: 'pm.erbil@passerelle.test',
    displayName: 'Sozan Jalal',
    office: 'EBL',
    role: 'project_manager',
    locale: 'en',
  },
  // The European Union's staff (DG HOME) read the figures of the projects it co-funds (TACT, CARE, MAGNET II),
  // granted by the project manager: suppressed, never a name.
  {
    email: 'donor.eu@passerelle.test',
    displayName: 'European Union – DG HOME',
    office: 'PAR',
    role: 'donor',
    locale: 'en',
  },
];
