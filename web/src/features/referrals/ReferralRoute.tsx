import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from './api';

/** "PARIS → TIRANA" (read "PARIS to TIRANA"), or the partner's name as the destination. */
export function ReferralRoute({
  referral,
}: {
  referral: Pick<ReferralSummary, 'fromOffice' | 'toOffice' | 'partnerName'>;
}) {
  const { t } = useTranslation();
  const to = referral.toOffice?.code ?? t('referrals.partnerNamed', { name: referral.partnerName ?? '' });
  return (
    <Text span size="sm">
      {referral.fromOffice.code} <span aria-hidden>→</span>
      <VisuallyHidden>{t('referrals.to')}</VisuallyHidden> {to}
    </Text>
  );
}
