import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/session';

/**
 * On a case's timeline, the referral an event is about ("Referral REF-2025-00012 · accepted"), from the
 * event's data; a link to it for those who follow referrals. Nothing when the event names no referral.
 */
export function TimelineReferral({ kind, data }: { kind: string; data: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const reference = typeof data?.reference === 'string' ? data.reference : null;
  if (!reference) return null;
  const referralId = typeof data?.referralId === 'string' ? data.referralId : null;
  const transfer = kind === 'transferred' || data?.kind === 'transfer';
  const label = transfer
    ? t('referrals.timeline.transfer', { reference })
    : t('referrals.timeline.reference', { reference });
  const answer =
    typeof data?.accepted === 'boolean'
      ? data.accepted
        ? t('referrals.timeline.accepted')
        : t('referrals.timeline.declined')
      : null;
  return (
    <Text size="sm">
      {referralId && can('referrals.read') ? (
        <Anchor component={Link} to={`/referrals/${referralId}`} size="sm">
          {label}
        </Anchor>
      ) : (
        label
      )}
      {answer ? ` · ${answer}` : null}
    </Text>
  );
}
