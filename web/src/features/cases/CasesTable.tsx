import { Anchor, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../../src/modules/cases/contract';
import { useFormat } from '../../shared/format/useFormat';
import { MatchReasonList } from '../registry/MatchReasonList';
import { topReasons } from '../registry/matchReasons';
import { CaseStatusBadge, SensitiveBadge } from './CaseBadges';
import { caseTypeLabel } from './labels';

interface CasesTableProps {
  cases: CaseSummary[];
  /** Without it, no selection column. */
  selection?: {
    selected: ReadonlySet<string>;
    toggle: (c: CaseSummary, selected: boolean) => void;
    toggleAll: (selected: boolean) => void;
  };
}

export function CasesTable({ cases, selection }: CasesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const selectedCount = selection ? cases.filter((c) => selection.selected.has(c.id)).length : 0;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1040}>
        <Table aria-label={t('cases.table.label')} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              {selection ? (
                <Table.Th scope="col" w={40}>
                  <Checkbox
                    aria-label={t('cases.table.selectAll')}
                    checked={cases.length > 0 && selectedCount === cases.length}
                    indeterminate={selectedCount > 0 && selectedCount < cases.length}
                    onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                  />
                </Table.Th>
              ) : null}
              <Table.Th scope="col">{t('cases.table.reference')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.person')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.type')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.status')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.office')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.assignee')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.project')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.departure')}</Table.Th>
              <Table.Th scope="col">{t('cases.table.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id}>
                {selection ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('cases.table.select', { reference: c.reference })}
                      checked={selection.selected.has(c.id)}
                      onChange={(event) => selection.toggle(c, event.currentTarget.checked)}
                    />
                  </Table.Td>
                ) : null}
                <Table.Th scope="row">
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm">
                      {c.reference}
                    </Anchor>
                    {c.sensitive ? <SensitiveBadge /> : null}
                  </Group>
                </Table.Th>
                <Table.Td>
                  <Anchor component={Link} to={`/registry/${c.personId}`} size="sm">
                    {c.personName}
                  </Anchor>
                  {c.personNameOriginal ? (
                    <Text size="sm" dir="auto">
                      {c.personNameOriginal}
                    </Text>
                  ) : null}
                  {c.personMatch ? (
                    <MatchReasonList
                      label={t('registry.table.why')}
                      reasons={topReasons(c.personMatch.reasons, 2)}
                    />
                  ) : null}
                </Table.Td>
                <Table.Td>{caseTypeLabel(c.caseType, t)}</Table.Td>
                <Table.Td>
                  <CaseStatusBadge status={c.status} pendingTo={c.pendingTransitionTo} />
                </Table.Td>
                <Table.Td>{c.officeCode}</Table.Td>
                <Table.Td>{c.assignedTo?.name ?? t('cases.unassigned')}</Table.Td>
                <Table.Td>{c.projectCode ?? t('common.none')}</Table.Td>
                <Table.Td>
                  {c.departureDate ? format.calendarDate(c.departureDate) : t('common.none')}
                </Table.Td>
                <Table.Td>{format.dateTime(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
