import { Button, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../shared/components/Section';
import type { ReintegrationView } from './api';
import { PlanDecisions } from './PlanDecisions';
import { PlanItemModal } from './PlanItemForm';
import { PlanItemsTable } from './PlanItemsTable';
import { PlanStatus } from './PlanStatus';
import { PlanTotals } from './PlanTotals';
import { PlanVersions } from './PlanVersions';
import { PlanWarnings } from './PlanWarnings';

/** The plan editor: status, budget warnings, items, running totals, decisions, approved versions. */
export function PlanSection({ view }: { view: ReintegrationView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const plan = view.plan;
  // A submitted plan waits for its decision; a draft or an approved plan can change (approval again).
  const editable = view.canEdit && plan?.status !== 'submitted';
  return (
    <Section
      id="reintegration-plan"
      title={t('reintegration.plan.title')}
      actions={
        editable ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('reintegration.plan.addItem')}
          </Button>
        ) : null
      }
    >
      {plan ? (
        <Stack>
          <PlanStatus plan={plan} />
          <PlanWarnings warnings={plan.warnings} />
          <PlanItemsTable view={view} plan={plan} editable={editable} />
          <Title order={3} size="h4">
            {t('reintegration.totals.title')}
          </Title>
          <PlanTotals plan={plan} />
          <PlanDecisions view={view} plan={plan} />
          <Title order={3} size="h4">
            {t('reintegration.versions.title')}
          </Title>
          <PlanVersions plan={plan} />
        </Stack>
      ) : (
        <Text>{view.canEdit ? t('reintegration.plan.noneEditable') : t('reintegration.plan.none')}</Text>
      )}
      {editable ? (
        <PlanItemModal view={view} item={null} opened={adding} onClose={() => setAdding(false)} />
      ) : null}
    </Section>
  );
}
