import { Anchor, Button, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { attachmentUrl } from '../cases/api';
import { type HouseholdView, useHousehold } from './api';
import { BlockerAlert } from './BlockerList';
import { ClearancesSection } from './ClearancesSection';
import { DecisionModal } from './DecisionModal';
import { DocumentUploadModal } from './DocumentUploadModal';
import { HandoverModal } from './HandoverModal';
import { HealthSection } from './HealthSection';
import { type HouseholdAction, HouseholdActions } from './HouseholdActions';
import { bookingStatusLabel, documentKindLabel, MILESTONES, outcomeLabel } from './labels';
import { AddMemberModal, MergeModal, SplitModal } from './MemberModals';
import { MembersSection } from './MembersSection';
import { AttendanceModal, OrientationAttendance } from './OrientationSection';
import { ReferralModal } from './ReferralModal';
import { StageGateModal } from './StageGateModal';

/** The case page's household tab (resettlement cases): the household's records and the module's actions. */
export function HouseholdTab({ detail }: { detail: CaseDetail }) {
  const query = useHousehold(detail.id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Household detail={detail} household={query.data} />;
}

function Household({ detail, household }: { detail: CaseDetail; household: HouseholdView }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [open, setOpen] = useState<HouseholdAction | null>(null);
  const close = () => setOpen(null);
  // Records change until the household is booked; the server says the rest (403, 409).
  const canWrite = can('resettlement.write');
  const editable =
    canWrite &&
    household.referral !== null &&
    household.booking === null &&
    !['movement', 'arrived', 'closed', 'withdrawn'].includes(household.status);
  const referralDocument = detail.attachments.find((a) => a.id === household.referral?.documentId);

  return (
    <Stack gap="lg">
      <BlockerAlert blockers={household.blockers} />
      <Section id="rst-steps" title={t('resettlement.household.stepsTitle')}>
        <HouseholdActions detail={detail} household={household} onAction={setOpen} />
      </Section>

      <Section id="rst-referral" title={t('resettlement.household.referralTitle')}>
        {household.referral ? (
          <DescriptionList
            items={[
              { term: t('resettlement.referral.agency'), description: household.referral.agency },
              { term: t('resettlement.referral.reference'), description: household.referral.reference },
              {
                term: documentKindLabel('referral_document', t),
                description: referralDocument ? (
                  <Anchor
                    href={attachmentUrl(detail.id, referralDocument.id)}
                    download={referralDocument.fileName}
                    size="sm"
                  >
                    {referralDocument.fileName}
                  </Anchor>
                ) : (
                  t('common.none')
                ),
              },
            ]}
          />
        ) : (
          // Recording it is the first of the actions above.
          <Text size="sm">{t('resettlement.referral.notRecorded')}</Text>
        )}
      </Section>

      {household.referral ? (
        <>
          <Section
            id="rst-members"
            title={t('resettlement.household.membersTitle')}
            actions={
              editable ? (
                <>
                  <Button size="xs" variant="light" onClick={() => setOpen('add_member')}>
                    {t('resettlement.members.add')}
                  </Button>
                  {household.members.length > 1 ? (
                    <Button size="xs" variant="light" onClick={() => setOpen('split')}>
                      {t('resettlement.members.split')}
                    </Button>
                  ) : null}
                  <Button size="xs" variant="light" onClick={() => setOpen('merge')}>
                    {t('resettlement.members.merge')}
                  </Button>
                </>
              ) : null
            }
          >
            <MembersSection household={household} />
          </Section>

          <Section id="rst-health" title={t('resettlement.household.healthTitle')}>
            <HealthSection household={household} canRecord={can('health.write')} />
          </Section>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Section
              id="rst-orientation"
              title={t('resettlement.household.orientationTitle')}
              actions={
                editable ? (
                  <Button size="xs" variant="light" onClick={() => setOpen('attendance')}>
                    {t('resettlement.orientation.record')}
                  </Button>
                ) : null
              }
            >
              <OrientationAttendance household={household} />
            </Section>
            <Section id="rst-submissions" title={t('resettlement.household.submissionsTitle')}>
              <Submissions household={household} />
            </Section>
          </SimpleGrid>

          <Section id="rst-clearances" title={t('resettlement.household.clearancesTitle')}>
            <ClearancesSection household={household} canWrite={editable} />
          </Section>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Section id="rst-travel" title={t('resettlement.household.travelTitle')}>
              <DescriptionList
                items={[
                  {
                    term: t('resettlement.household.booking'),
                    description: household.booking ? (
                      <Anchor
                        component={Link}
                        to={`/resettlement/movements/${household.booking.movementId}`}
                        size="sm"
                      >
                        {t('resettlement.household.bookedOn', {
                          reference: household.booking.movementReference,
                          date: format.calendarDate(household.booking.departureDate),
                          status: bookingStatusLabel(household.booking.status, t),
                        })}
                      </Anchor>
                    ) : (
                      t('resettlement.household.notBooked')
                    ),
                  },
                  {
                    term: t('resettlement.household.handover'),
                    description: household.handedOverOn
                      ? t('resettlement.household.handedOver', {
                          date: format.calendarDate(household.handedOverOn),
                          to: household.handedOverTo ?? '',
                        })
                      : t('resettlement.household.notHandedOver'),
                  },
                ]}
              />
            </Section>
            <Section id="rst-milestones" title={t('resettlement.household.milestonesTitle')}>
              <Milestones household={household} />
            </Section>
          </SimpleGrid>
        </>
      ) : null}

      <ReferralModal
        detail={detail}
        household={household}
        opened={open === 'record_referral'}
        onClose={close}
      />
      <DecisionModal
        caseId={household.caseId}
        caseReference={household.caseReference}
        opened={open === 'decide'}
        onClose={close}
      />
      <StageGateModal
        gate={
          open === 'clear_health'
            ? 'clearHealth'
            : open === 'complete_orientation'
              ? 'completeOrientation'
              : null
        }
        household={household}
        onClose={close}
      />
      <HandoverModal
        caseId={household.caseId}
        caseReference={household.caseReference}
        opened={open === 'hand_over'}
        onClose={close}
      />
      <AddMemberModal household={household} opened={open === 'add_member'} onClose={close} />
      <SplitModal household={household} opened={open === 'split'} onClose={close} />
      <MergeModal household={household} opened={open === 'merge'} onClose={close} />
      <AttendanceModal household={household} opened={open === 'attendance'} onClose={close} />
      <DocumentUploadModal
        caseId={household.caseId}
        kind="resettlement_registration_form"
        intro={t('resettlement.documents.registrationIntro')}
        opened={open === 'registration_form'}
        onClose={close}
      />
    </Stack>
  );
}

function Submissions({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (household.submissions.length === 0)
    return <Text size="sm">{t('resettlement.household.noSubmission')}</Text>;
  return (
    <List size="sm" spacing={4}>
      {household.submissions.map((s) => (
        <List.Item key={s.batchId}>
          <Anchor component={Link} to={`/resettlement/batches/${s.batchId}`} size="sm">
            {s.reference}
          </Anchor>{' '}
          —{' '}
          {s.decidedOn
            ? t('resettlement.household.decided', {
                outcome: outcomeLabel(s.outcome, t),
                date: format.calendarDate(s.decidedOn),
              })
            : outcomeLabel(s.outcome, t)}
        </List.Item>
      ))}
    </List>
  );
}

function Milestones({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reached = MILESTONES.filter((key) => household.milestones[key]);
  if (reached.length === 0) return <Text size="sm">{t('resettlement.household.noMilestone')}</Text>;
  return (
    <DescriptionList
      label={t('resettlement.household.milestonesTitle')}
      items={reached.map((key) => ({
        term: t(`resettlement.milestones.${key}`),
        description: format.calendarDate(household.milestones[key] ?? ''),
      }))}
    />
  );
}
