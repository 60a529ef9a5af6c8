import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowForward, IconHourglass, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { moduleActionLabel } from '../resettlement/labels';
import { type AvailableTransition, reopenCase } from './api';
import { CommentActionModal } from './CommentActionModal';
import { statusLabel } from './labels';
import { TransitionModal } from './TransitionModal';

/** The tab where a module's actions are taken, by case type. */
const moduleTab = (caseType: string) => (caseType === 'resettlement' ? 'resettlement' : 'case');

/** Only what the server says this user may do now: the available transitions, and reopening. */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [transition, setTransition] = useState<AvailableTransition | null>(null);
  const [reopening, setReopening] = useState(false);
  // Steps that are a module's action are refused by the generic transition: they are taken on the module's
  // tab (the household of a resettlement case), which these buttons open.
  const transitions = detail.availableTransitions.filter((tr) => !tr.action);
  const moduleActions = [
    ...new Set(detail.availableTransitions.flatMap((tr) => (tr.action ? [tr.action] : []))),
  ];
  if (transitions.length === 0 && moduleActions.length === 0 && !detail.canReopen) {
    return <Text size="sm">{t('cases.detail.noActions')}</Text>;
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {moduleActions.map((action) => (
          <Button
            key={action}
            component={Link}
            to={`?tab=${moduleTab(detail.caseType)}#rst-steps`}
            variant="light"
            leftSection={<IconArrowForward size={16} aria-hidden />}
          >
            {moduleActionLabel(action, t)}
          </Button>
        ))}
        {transitions.map((tr) => {
          const state = statusLabel(tr.to, t);
          const terminal = tr.to === 'withdrawn' || tr.to === 'closed';
          return (
            <Button
              key={tr.to}
              variant={terminal ? 'outline' : tr.approval ? 'light' : 'filled'}
              color={terminal ? 'gray' : tr.approval ? 'orange' : undefined}
              leftSection={
                tr.approval ? (
                  <IconHourglass size={16} aria-hidden />
                ) : (
                  <IconArrowForward size={16} aria-hidden />
                )
              }
              onClick={() => setTransition(tr)}
            >
              {tr.approval
                ? t('cases.actions.requestApproval', { state })
                : t('cases.actions.moveTo', { state })}
            </Button>
          );
        })}
        {detail.canReopen ? (
          <Button
            variant="outline"
            leftSection={<IconRotate size={16} aria-hidden />}
            onClick={() => setReopening(true)}
          >
            {t('cases.reopen.button')}
          </Button>
        ) : null}
      </Group>
      {moduleActions.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('resettlement.household.actionsOnTab')}
        </Text>
      ) : null}
      <TransitionModal detail={detail} transition={transition} onClose={() => setTransition(null)} />
      {detail.canReopen ? (
        <CommentActionModal
          opened={reopening}
          caseId={detail.id}
          title={t('cases.reopen.title', { reference: detail.reference })}
          commentLabel={t('cases.reopen.reason')}
          required
          submitLabel={t('cases.reopen.submit')}
          successMessage={t('cases.reopen.done')}
          action={(reason) => reopenCase(detail.id, { version: detail.version, reason })}
          onClose={() => setReopening(false)}
        />
      ) : null}
    </Stack>
  );
}
