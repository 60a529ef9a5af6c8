/** Referrals and transfers between offices and to partners. */

export type { NotificationKind } from './notify';
export {
  acceptReferral,
  declineReferral,
  notifyOverdue,
  postMessage as postReferralMessage,
  revokeReferralsOfConsent,
} from './respond';
export { referralsRoutes } from './routes';
export {
  DEFAULT_SECTIONS,
  isMedicalNeed,
  normaliseSections,
  type ReferralSection,
  sectionOfNeed,
  withheldSections,
} from './sections';
export { sendReferral } from './send-referral';
