/** Referrals and transfers between offices and to partners. */
export { notifyOverdue, revokeReferralsOfConsent } from './respond';
export { referralsRoutes } from './routes';
