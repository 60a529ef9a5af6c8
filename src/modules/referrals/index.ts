/**
 * Referrals and transfers between offices and to partners. Importing the module subscribes it to consent
 * withdrawals: withdrawing a consent revokes the referrals resting on it, in the same transaction.
 */
import { onConsentWithdrawn } from '../registry';
import { revokeReferralsOfConsent } from './respond';

onConsentWithdrawn(revokeReferralsOfConsent);

export { notifyOverdue } from './respond';
export { referralsRoutes } from './routes';
