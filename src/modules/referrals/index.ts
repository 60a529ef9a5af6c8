/**
 * Referrals and transfers between offices and to partners. Importing the module subscribes it to consent
 * withdrawals: withdrawing a consent revokes the referrals resting on it, in the same transaction.
 */
import { onConsentWithdrawn } from '../registry';
import { revokeReferralsOfConsent } from './respond';

onConsentWithdrawn(revokeReferralsOfConsent);

export { acceptReferral, declineReferral, notifyOverdue, postMessage } from './respond';
export { referralsRoutes } from './routes';
export { sendReferral } from './send-referral';
