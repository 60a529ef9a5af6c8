import { Anchor, Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconUserShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { isApiError } from '../../shared/api/client';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { CaseReferrals } from '../referrals/CaseReferrals';
import { ReintegrationTab } from '../reintegration/ReintegrationTab';
import { HouseholdTab } from '../resettlement/HouseholdTab';
import { ApprovalBanner } from './ApprovalBanner';
import { AssignModal } from './AssignModal';
import { casesKeys, fetchCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseAttachments } from './CaseAttachments';
import { CaseStatusBadge, SensitiveBadge } from './CaseBadges';
import { CaseFieldsForm, CaseFieldsView } from './CaseFieldsForm';
import { CaseNotes } from './CaseNotes';
import { CaseTasks } from './CaseTasks';
import { CaseTimeline } from './CaseTimeline';
import { caseTypeLabel, closureReasonLabel } from './labels';
import { WorkflowProgress } from './WorkflowProgress';

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: casesKeys.detail(id), queryFn: ({ signal }) => fetchCase(id, signal) });
  usePageTitle(detail.data?.reference ?? t('cases.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('cases.detail.backToList')}
        </Group>
      </Anchor>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        isApiError(detail.error) && detail.error.status === 404 ? (
          <RecordNotFound title={t('cases.detail.notFoundTitle')} body={t('cases.detail.notFound')} />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )
      ) : (
        <CaseView detail={detail.data} />
      )}
    </Stack>
  );
}

const TABS = ['case', 'reintegration', 'resettlement'] as const;
type CaseTab = (typeof TABS)[number];

/**
 * The tabs a case has, by its type: a resettlement case is a travelling household (its members, health,
 * papers, movement); the return cases have their reintegration (assessment, plan, deliveries).
 */
export function tabsOf(caseType: string): readonly CaseTab[] {
  return caseType === 'resettlement' ? ['case', 'resettlement'] : ['case', 'reintegration'];
}

/** The case's tabs: the case itself, and the work of its type. The tab is in the URL. */
function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tabs = tabsOf(detail.caseType);
  const tab: CaseTab = tabs.find((candidate) => candidate === requested) ?? 'case';
  return (
    <>
      <PageHeader
        title={detail.reference}
        actions={
          <>
            <CaseStatusBadge status={detail.status} pendingTo={detail.pendingTransition?.to} />
            {detail.sensitive ? <SensitiveBadge /> : null}
          </>
        }
      />
      <ApprovalBanner detail={detail} />
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (value && value !== 'case') next.set('tab', value);
              else next.delete('tab');
              return next;
            },
            { replace: true },
          )
        }
      >
        <Tabs.List aria-label={t('reintegration.tabsLabel')} mb="lg">
          <Tabs.Tab value="case">{t('reintegration.caseTab')}</Tabs.Tab>
          {tabs.includes('reintegration') ? (
            <Tabs.Tab value="reintegration">{t('reintegration.tab')}</Tabs.Tab>
          ) : null}
          {tabs.includes('resettlement') ? (
            <Tabs.Tab value="resettlement">{t('resettlement.household.tab')}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="case">
          <Stack gap="lg">
            <CaseOverview detail={detail} />
          </Stack>
        </Tabs.Panel>
        {tabs.includes('reintegration') ? (
          <Tabs.Panel value="reintegration">
            <ReintegrationTab detail={detail} />
          </Tabs.Panel>
        ) : null}
        {tabs.includes('resettlement') ? (
          <Tabs.Panel value="resettlement">
            <HouseholdTab detail={detail} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}

function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const canWrite = can('cases.write');
  const [assigning, setAssigning] = useState(false);

  return (
    <>
      <Section id="case-summary" title={t('cases.detail.summaryLabel')}>
        <DescriptionList
          items={[
            {
              term: t('cases.detail.person'),
              description: (
                <>
                  <Anchor component={Link} to={`/registry/${detail.personId}`} size="sm">
                    {detail.personName}
                  </Anchor>
                  {detail.personNameOriginal ? (
                    <Text span size="sm" ms="xs">
                      (<bdi>{detail.personNameOriginal}</bdi>)
                    </Text>
                  ) : null}
                </>
              ),
            },
            { term: t('cases.detail.type'), description: caseTypeLabel(detail.caseType, t) },
            {
              term: t('cases.detail.status'),
              description: (
                <CaseStatusBadge status={detail.status} pendingTo={detail.pendingTransition?.to} />
              ),
            },
            ...(detail.closureReason
              ? [
                  {
                    term: t('cases.detail.closureReason'),
                    description: closureReasonLabel(detail.closureReason, t),
                  },
                ]
              : []),
            { term: t('cases.detail.office'), description: detail.officeCode },
            {
              term: t('cases.detail.assignee'),
              description: (
                <Group gap="xs">
                  <span>{detail.assignedTo?.name ?? t('cases.unassigned')}</span>
                  {detail.canAssign ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconUserShare size={12} aria-hidden />}
                      onClick={() => setAssigning(true)}
                    >
                      {t('cases.detail.changeAssignee')}
                    </Button>
                  ) : null}
                </Group>
              ),
            },
            {
              term: t('cases.detail.project'),
              description: detail.projectCode ?? t('cases.detail.noProject'),
            },
            { term: t('cases.detail.openedAt'), description: format.dateTime(detail.createdAt) },
            { term: t('cases.detail.updatedAt'), description: format.dateTime(detail.updatedAt) },
          ]}
        />
      </Section>
      <Section id="case-progress" title={t('cases.detail.progress')}>
        <Stack>
          <WorkflowProgress
            caseType={detail.caseType}
            states={detail.workflowStates}
            current={detail.status}
            pendingTo={detail.pendingTransition?.to}
          />
          <CaseActions detail={detail} />
        </Stack>
      </Section>
      {can('referrals.read') ? <CaseReferrals detail={detail} /> : null}
      <Section id="case-fields" title={t('cases.fields.title')}>
        {canWrite ? <CaseFieldsForm detail={detail} /> : <CaseFieldsView detail={detail} />}
      </Section>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section id="case-tasks" title={t('cases.tasks.title')}>
          <CaseTasks detail={detail} canWrite={canWrite} />
        </Section>
        <Section id="case-notes" title={t('cases.notes.title')}>
          <CaseNotes detail={detail} canWrite={canWrite} />
        </Section>
        <Section id="case-timeline" title={t('cases.timeline.title')}>
          <CaseTimeline events={detail.timeline} />
        </Section>
        <Section id="case-attachments" title={t('cases.attachments.title')}>
          <CaseAttachments detail={detail} canWrite={canWrite} />
        </Section>
      </SimpleGrid>
      {detail.canAssign ? (
        <AssignModal detail={detail} opened={assigning} onClose={() => setAssigning(false)} />
      ) : null}
    </>
  );
}
