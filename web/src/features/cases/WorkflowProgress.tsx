import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES } from '../../../../src/modules/cases/workflow';
import { isCaseType, statusLabel } from './labels';

interface WorkflowProgressProps {
  caseType: string;
  states: string[];
  current: string;
  pendingTo?: string | null;
}

/**
 * The steps of the case's workflow in order, the current one highlighted (and the one awaiting approval
 * marked); the closing states (withdrawn, closed) follow, unnumbered.
 */
export function WorkflowProgress({ caseType, states, current, pendingTo }: WorkflowProgressProps) {
  const { t } = useTranslation();
  const terminal: readonly string[] = isCaseType(caseType) ? CASE_TYPES[caseType].workflow.terminal : [];
  const steps = states.filter((s) => !terminal.includes(s));
  const endings = states.filter((s) => terminal.includes(s));

  const badge = (state: string, number?: number) => {
    const isCurrent = state === current;
    const isPending = state === pendingTo;
    return (
      <li key={state} aria-current={isCurrent ? 'step' : undefined}>
        <Badge
          size="lg"
          tt="none"
          radius="sm"
          variant={isCurrent ? 'filled' : isPending ? 'outline' : 'light'}
          color={isCurrent ? 'blue' : isPending ? 'orange' : 'gray'}
          leftSection={isPending ? <IconHourglass size={12} aria-hidden /> : undefined}
        >
          {number !== undefined ? `${number}. ` : ''}
          {statusLabel(state, t)}
          {isCurrent ? <VisuallyHidden> {t('cases.detail.currentStep')}</VisuallyHidden> : null}
          {isPending ? <VisuallyHidden> ({t('cases.pendingApproval')})</VisuallyHidden> : null}
        </Badge>
      </li>
    );
  };

  return (
    <Group gap="xs" align="center">
      <Group
        component="ol"
        gap={6}
        aria-label={t('cases.detail.progressLabel')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {steps.map((state, index) => badge(state, index + 1))}
      </Group>
      {endings.length > 0 ? (
        <>
          <Text span size="sm" c="dimmed" aria-hidden>
            |
          </Text>
          <Group
            component="ul"
            gap={6}
            aria-label={t('cases.detail.endingsLabel')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {endings.map((state) => badge(state))}
          </Group>
        </>
      ) : null}
    </Group>
  );
}
