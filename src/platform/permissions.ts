/**
 * The one permission registry. Browser-safe: the web app imports it to show only allowed actions.
 * A permission is `resource.action`; roles map to permissions below, and the `satisfies` clause makes a
 * role without a mapping a compile error.
 */
export const PERMISSIONS = [
  'offices.read',
  'offices.manage',
  'users.read',
  'users.manage',
  'projects.read',
  'projects.manage',
  'audit.read',
  'persons.read',
  'persons.write',
  /** Review duplicate candidates, merge two records of the same person (and undo a merge). */
  'persons.merge',
  'cases.read',
  'cases.write',
  'cases.assign',
  'cases.approve',
  'cases.reopen',
  /** Trafficking cases and confidential notes: read and write, every read audited. */
  'cases.sensitive',
  /** Referrals and transfers: follow those of one's office (incoming and outgoing), their threads. */
  'referrals.read',
  /** Refer or transfer a case the office owns. */
  'referrals.send',
  /** Accept or decline what another office refers or transfers to one's office. */
  'referrals.respond',
  /** Share without a covering consent, with a written justification (audited, flagged in reports). */
  'consents.override',
  /** Project budgets: lines, committed, delivered and remaining amounts (managed with projects.manage). */
  'budgets.read',
  /** Employers, job openings, skills profiles, matching and placements (MAGNET II). */
  'employment.read',
  'employment.write',
  /** Capacity-building activities and information campaigns (TACT, Calais). */
  'activities.read',
  'activities.write',
  /** Project indicators: persons assisted against targets, disaggregated; reintegration, employment, trainings. */
  'reports.read',
  /** A project's results framework, targets and reporting periods; closing a period; validating manual values. */
  'reports.manage',
  /** Manual indicator values and their evidence (the project's M&E officer). */
  'reports.enter',
  /** Donor staff: the suppressed figures of the projects they are granted, never a name. */
  'reports.shared',
  /** Resettlement: households, batches, orientation, movements, the funnel, manifests with masked numbers. */
  'resettlement.read',
  /** Record referrals, split and merge households, submit, decide, clear, book, board, hand over. */
  'resettlement.write',
  /** Health findings of resettlement health assessments (special category: every read audited). */
  'health.read',
  /** Record health assessments: fitness to travel, its validity and travel conditions, findings. */
  'health.write',
  /** Full travel-document and visa numbers, only on a printed movement manifest (audited). */
  'manifests.reveal',
  /** The office's public site (issue 14): news, statements, project pages, publications, as drafts. */
  'content.read',
  /** Write and edit content, upload its images and publication files, submit it for review. */
  'content.write',
  /** Review a revision someone else wrote (approve or ask for changes). */
  'content.review',
  /** Publish an approved revision (now or at a time), unpublish. */
  'content.publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'administrator',
  'supervisor',
  'caseworker',
  'protection_officer',
  'project_manager',
  'me_officer',
  'communications',
  'data_protection_officer',
  'registry_officer',
  'medical_officer',
  'partner',
  'donor',
] as const;
export type Role = (typeof ROLES)[number];

type RoleDefinition = {
  /**
   * `office`: the role's permissions apply to the offices where the user holds it.
   * `global`: they apply to every office (administration and data-protection oversight are agency-wide).
   */
  scope: 'office' | 'global';
  permissions: readonly Permission[];
};

export const ROLE_DEFINITIONS = {
  // Administrators run the system, not the caseload: no access to beneficiaries' records (data minimisation).
  administrator: {
    scope: 'global',
    permissions: [
      'offices.read',
      'offices.manage',
      'users.read',
      'users.manage',
      'projects.read',
      'projects.manage',
      'audit.read',
      // Budgets are the project's money, not beneficiaries' data: whoever manages projects reads them.
      'budgets.read',
    ],
  },
  supervisor: {
    scope: 'office',
    permissions: [
      'offices.read',
      'users.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'persons.merge',
      'cases.read',
      'cases.write',
      'cases.assign',
      'cases.approve',
      'cases.reopen',
      'cases.sensitive',
      'referrals.read',
      'referrals.send',
      'referrals.respond',
      'consents.override',
      'budgets.read',
      'employment.read',
      'employment.write',
      'activities.read',
      'reports.read',
      'resettlement.read',
      'resettlement.write',
      'manifests.reveal',
    ],
  },
  caseworker: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'cases.read',
      'cases.write',
      'referrals.read',
      'referrals.send',
      'employment.read',
      'employment.write',
      'resettlement.read',
      'resettlement.write',
    ],
  },
  protection_officer: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'persons.read',
      'persons.write',
      'cases.read',
      'cases.write',
      'cases.sensitive',
      'referrals.read',
      'referrals.send',
      'resettlement.read',
      // Medical and protection roles see health findings (issue 13): vulnerability screening rests on them.
      'health.read',
    ],
  },
  project_manager: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'projects.manage',
      'budgets.read',
      'employment.read',
      'activities.read',
      'activities.write',
      'reports.read',
      'reports.manage',
      'reports.enter',
      // A second reader of the project pages and news written by communications (issue 14).
      'content.read',
      'content.review',
    ],
  },
  me_officer: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'budgets.read',
      'employment.read',
      'activities.read',
      'activities.write',
      'reports.read',
      'reports.enter',
    ],
  },
  communications: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'activities.read',
      'content.read',
      'content.write',
      'content.review',
      'content.publish',
    ],
  },
  data_protection_officer: {
    scope: 'global',
    // Oversight and subject-access requests need to read any record; every sensitive read is audited.
    permissions: [
      'offices.read',
      'users.read',
      'projects.read',
      'audit.read',
      'persons.read',
      'cases.read',
      'cases.sensitive',
      'referrals.read',
      // Not health.read: findings are for medical and protection roles of the owning office only (ADR 0017).
      'resettlement.read',
    ],
  },
  // Data quality across offices: reads people and merges the records of the same person (duplicates). Held in
  // several offices, it reviews the pairs that span them, which no one office's supervisor may read both
  // sides of. It opens no case, shares nothing and sees no trafficking code.
  registry_officer: {
    scope: 'office',
    permissions: ['offices.read', 'persons.read', 'persons.merge'],
  },
  // Health assessments of resettlement households: reads the cases to find the members, changes no step.
  medical_officer: {
    scope: 'office',
    permissions: [
      'offices.read',
      'projects.read',
      'persons.read',
      'cases.read',
      'resettlement.read',
      'health.read',
      'health.write',
    ],
  },
  partner: { scope: 'office', permissions: [] },
  // A donor's staff: held in the office that owns the funded projects; reads only the projects an
  // administrator or the project manager grants, suppressed.
  donor: { scope: 'office', permissions: ['reports.shared'] },
} as const satisfies Record<Role, RoleDefinition>;

/**
 * Roles that read beneficiaries' data (people, cases, their figures). Administrators run the system and hold
 * none of them; an administrator account gaining one, or an account holding one gaining the administrator
 * role, needs a second administrator's approval (ADR 0005). Partners see only what a link shows them.
 */
export const BENEFICIARY_DATA_ROLES = ROLES.filter(
  (role): role is Exclude<Role, 'administrator' | 'partner' | 'donor'> =>
    role !== 'administrator' && role !== 'partner' && role !== 'donor',
);

/** Whether these memberships combine the administrator role with one that reads beneficiaries' data. */
export function combinesAdministrationAndCasework(memberships: readonly { role: Role }[]): boolean {
  return (
    memberships.some((m) => m.role === 'administrator') &&
    memberships.some((m) => (BENEFICIARY_DATA_ROLES as readonly Role[]).includes(m.role))
  );
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export type Membership = { officeId: string; role: Role };

/** Offices in which the memberships grant `permission`; `'all'` when a global role grants it. */
export function officesGranting(
  memberships: readonly Membership[],
  permission: Permission,
): 'all' | string[] {
  const offices = new Set<string>();
  for (const m of memberships) {
    const def: RoleDefinition = ROLE_DEFINITIONS[m.role];
    if (!def.permissions.includes(permission)) continue;
    if (def.scope === 'global') return 'all';
    offices.add(m.officeId);
  }
  return [...offices];
}

export function effectivePermissions(memberships: readonly Membership[]): Permission[] {
  const granted = new Set<Permission>();
  for (const m of memberships) for (const p of ROLE_DEFINITIONS[m.role].permissions) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}
