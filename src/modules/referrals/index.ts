/** Referrals and transfers between offices and to partners. */

export type { NotificationKind } from './notify';
export { notifyOverdue, revokeReferralsOfConsent } from './respond';
export { referralsRoutes } from './routes';
export {
  DEFAULT_SECTIONS,
  isMedicalNeed,
  normaliseSections,
  type ReferralSection,
  sectionOfNeed,
  withheldSections,
} from './sections';
