import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState, QueryError } from '../../../shared/components/QueryStates';
import { Section } from '../../../shared/components/Section';
import { useMoney } from '../../../shared/money/useMoney';
import { AllowanceModal } from './AllowanceModal';
import { type BudgetLine, type ProjectBudget, useProjectBudget } from './api';
import { BudgetBar } from './BudgetBar';
import { BudgetLineModal } from './BudgetLineModal';

/** A project's budget lines (amount, committed, delivered, remaining) and per-person allowance. */
export function BudgetSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const budget = useProjectBudget(projectId);
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const [allowance, setAllowance] = useState(false);
  const canManage = budget.data?.canManage ?? false;
  return (
    <Section
      id="project-budget"
      title={t('budget.title')}
      actions={
        canManage ? (
          <>
            <Button size="xs" variant="light" onClick={() => setAllowance(true)}>
              {t('budget.allowance.edit')}
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('budget.addLine')}
            </Button>
          </>
        ) : null
      }
    >
      {budget.isPending ? (
        <LoadingState />
      ) : budget.isError ? (
        <QueryError error={budget.error} onRetry={() => void budget.refetch()} />
      ) : (
        <>
          <BudgetView budget={budget.data} onEdit={canManage ? setEditing : undefined} />
          {canManage ? (
            <>
              <BudgetLineModal
                budget={budget.data}
                line={editing === 'new' ? null : editing}
                opened={editing !== null}
                onClose={() => setEditing(null)}
              />
              <AllowanceModal budget={budget.data} opened={allowance} onClose={() => setAllowance(false)} />
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}

function BudgetView({ budget, onEdit }: { budget: ProjectBudget; onEdit?: (line: BudgetLine) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Stack>
      <Text size="sm">
        {budget.allowance
          ? t('budget.allowance.value', { amount: money.money(budget.allowance) })
          : t('budget.allowance.none')}
      </Text>
      {budget.lines.length === 0 ? (
        <Text>{t('budget.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table aria-label={t('budget.tableLabel')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('budget.columns.line')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('budget.columns.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('budget.columns.committed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('budget.columns.delivered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('budget.columns.remaining')}
                </Table.Th>
                <Table.Th scope="col">{t('budget.columns.usage')}</Table.Th>
                {onEdit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Th scope="row">
                    <Text span ff="monospace" fw={700} size="sm" me="xs">
                      {line.code}
                    </Text>
                    <Text span size="sm">
                      {line.label}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right">{money.money(line.amount)}</Table.Td>
                  <Table.Td ta="right">{money.money(line.committed)}</Table.Td>
                  <Table.Td ta="right">{money.money(line.delivered)}</Table.Td>
                  <Table.Td ta="right">
                    <Text
                      size="sm"
                      c={line.remaining.minor < 0 ? 'red.8' : undefined}
                      fw={line.remaining.minor < 0 ? 700 : undefined}
                    >
                      {money.money(line.remaining)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <BudgetBar line={line} />
                  </Table.Td>
                  {onEdit ? (
                    <Table.Td>
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t('budget.editLineLabel', { code: line.code })}
                          onClick={() => onEdit(line)}
                        >
                          {t('budget.editLine')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('budget.legend')}
      </Text>
    </Stack>
  );
}
