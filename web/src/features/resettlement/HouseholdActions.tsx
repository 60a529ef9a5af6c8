import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowForward, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { statusLabel } from '../cases/labels';
import type { HouseholdView } from './api';
import { moduleActionLabel, nextStepLabel } from './labels';

/** The module's actions that open a form here (the others are taken on a batch or a movement). */
export type HouseholdAction =
  | 'record_referral'
  | 'decide'
  | 'clear_health'
  | 'complete_orientation'
  | 'hand_over'
  | 'merge'
  | 'add_member'
  | 'split'
  | 'attendance'
  | 'registration_form';

const HERE: readonly string[] = [
  'record_referral',
  'decide',
  'clear_health',
  'complete_orientation',
  'hand_over',
];
/** Actions taken on a batch (submission) or a movement (booking, boarding, arrival). */
const ELSEWHERE: readonly string[] = ['submit_batch', 'book', 'unbook', 'board', 'arrive'];

export const isHouseholdAction = (action: string): action is HouseholdAction => HERE.includes(action);

/** Where an action taken on a batch or a movement is taken, for this household. */
export function actionPath(action: string, household: Pick<HouseholdView, 'projectId' | 'booking'>): string {
  const project = household.projectId ? `?project=${encodeURIComponent(household.projectId)}` : '';
  if (action === 'submit_batch') return `/resettlement/batches${project}`;
  if ((action === 'unbook' || action === 'board') && household.booking)
    return `/resettlement/movements/${household.booking.movementId}`;
  return `/resettlement/movements${project}`;
}

interface HouseholdActionsProps {
  detail: CaseDetail;
  household: HouseholdView;
  onAction: (action: HouseholdAction) => void;
}

/**
 * Where the household stands and what comes next: the workflow's steps that are this module's actions, as
 * buttons (the case's generic transitions refuse them), those taken on a batch or a movement as links.
 */
export function HouseholdActions({ detail, household, onAction }: HouseholdActionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  // The interview's next step is a generic one, which needs the registration form attached first.
  const needsForm =
    can('resettlement.write') &&
    household.status === 'interview' &&
    !detail.attachments.some((a) => a.documentKind === 'resettlement_registration_form');
  // Merging is offered with the members; actions taken on the same movement (unbook, board) are one link.
  const offered = [
    ...new Set(detail.availableTransitions.flatMap((tr) => (tr.action ? [tr.action] : []))),
  ].filter((action) => action !== 'merge');
  const actions = offered.filter(
    (action, i) =>
      isHouseholdAction(action) ||
      !offered
        .slice(0, i)
        .some(
          (other) =>
            !isHouseholdAction(other) && actionPath(other, household) === actionPath(action, household),
        ),
  );
  const generic = detail.availableTransitions.filter((tr) => !tr.action);
  return (
    <Stack gap="sm">
      <DescriptionList
        items={[
          { term: t('resettlement.household.stage'), description: statusLabel(household.status, t) },
          { term: t('resettlement.household.nextStep'), description: nextStepLabel(household.status, t) },
        ]}
      />
      {needsForm ? (
        <Group>
          <Button variant="light" onClick={() => onAction('registration_form')}>
            {t('resettlement.actions.registration_form')}
          </Button>
        </Group>
      ) : null}
      {actions.length > 0 ? (
        <Group gap="sm">
          {actions.map((action) =>
            isHouseholdAction(action) ? (
              <Button
                key={action}
                leftSection={<IconArrowForward size={16} aria-hidden />}
                onClick={() => onAction(action)}
              >
                {moduleActionLabel(action, t)}
              </Button>
            ) : ELSEWHERE.includes(action) ? (
              <Button
                key={action}
                component={Link}
                to={actionPath(action, household)}
                variant="light"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {moduleActionLabel(action, t)}
              </Button>
            ) : null,
          )}
        </Group>
      ) : needsForm ? null : (
        <Text size="sm">{t('resettlement.household.noAction')}</Text>
      )}
      {generic.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('resettlement.household.genericSteps', {
            steps: format.list(generic.map((tr) => statusLabel(tr.to, t))),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
