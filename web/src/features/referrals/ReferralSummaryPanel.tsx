import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DescriptionItem, DescriptionList } from '../../shared/components/DescriptionList';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { caseTypeLabel } from '../cases/labels';
import type { ReferralDetail } from './api';
import { isSensitiveSection, revokedReasonLabel, sectionLabel, usePersonFacts } from './labels';
import {
  ConsentOverrideBadge,
  DueDate,
  ReferralKindBadge,
  ReferralStatusBadge,
  SensitiveSectionBadge,
} from './ReferralBadges';

/** Whether this reader may open the case itself: its owner (the sender, until a transfer is accepted) or the new owner. */
function opensCase(r: Pick<ReferralDetail, 'side' | 'kind' | 'status'>): boolean {
  const transferred = r.kind === 'transfer' && r.status === 'accepted';
  return r.side === 'sender' ? !transferred : transferred;
}

/** What the receiver reads before accepting: kind, offices, person without name, sections, summary, due date. */
export function ReferralSummaryPanel({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const personFacts = usePersonFacts();
  const byOn = (name: string, date: string) =>
    t('referrals.detail.byOn', { name, date: format.dateTime(date) });
  const items: DescriptionItem[] = [
    { term: t('referrals.detail.kind'), description: <ReferralKindBadge kind={referral.kind} /> },
    { term: t('referrals.table.status'), description: <ReferralStatusBadge status={referral.status} /> },
    {
      term: t('referrals.detail.case'),
      description: opensCase(referral) ? (
        <Anchor component={Link} to={`/cases/${referral.caseId}`} size="sm">
          {referral.caseReference}
        </Anchor>
      ) : (
        referral.caseReference
      ),
    },
    { term: t('referrals.detail.caseType'), description: caseTypeLabel(referral.caseType, t) },
    {
      term: t('referrals.detail.from'),
      description: `${referral.fromOffice.name} (${referral.fromOffice.code})`,
    },
    {
      term: t('referrals.detail.to'),
      description: referral.toOffice
        ? `${referral.toOffice.name} (${referral.toOffice.code})`
        : t('referrals.partnerNamed', { name: referral.partnerName ?? '' }),
    },
    { term: t('referrals.detail.person'), description: personFacts(referral) },
    {
      term: t('referrals.detail.returnCountry'),
      description: referral.returnCountry ? format.country(referral.returnCountry) : t('common.none'),
    },
    {
      term: t('referrals.detail.sections'),
      description: (
        <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {referral.sections.map((s) => (
            <Group key={s} gap={4} component="li">
              <Text span size="sm">
                {sectionLabel(s, t)}
              </Text>
              {isSensitiveSection(s) ? <SensitiveSectionBadge /> : null}
            </Group>
          ))}
        </Group>
      ),
    },
    {
      term: t('referrals.detail.summary'),
      description: (
        <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {referral.summary}
        </Text>
      ),
    },
    {
      term: t('referrals.detail.legalBasis'),
      description: referral.consentOverride ? (
        <ConsentOverrideBadge />
      ) : (
        t('referrals.detail.consentRecorded')
      ),
    },
    {
      term: t('referrals.detail.requested'),
      description: byOn(referral.requestedByName, referral.requestedAt),
    },
    {
      term: t('referrals.detail.due'),
      description: <DueDate dueOn={referral.dueOn} overdue={referral.overdue} />,
    },
  ];
  if (referral.respondedAt)
    items.push({
      term: t('referrals.detail.responded'),
      description: byOn(referral.respondedByName ?? t('common.none'), referral.respondedAt),
    });
  if (referral.declineReason)
    items.push({ term: t('referrals.detail.declineReason'), description: referral.declineReason });
  if (referral.revokedReason)
    items.push({
      term: t('referrals.detail.revokedReason'),
      description: revokedReasonLabel(referral.revokedReason, t),
    });
  if (referral.followUpUntil)
    items.push({
      term: t('referrals.detail.followUpUntil'),
      description: format.date(referral.followUpUntil),
    });
  return (
    <Section id="referral-summary" title={t('referrals.detail.summaryTitle')}>
      <DescriptionList items={items} />
    </Section>
  );
}
