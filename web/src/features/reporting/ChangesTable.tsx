import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../shared/components/ScrollTable';
import type { Report } from './api';
import { Figure } from './Figure';
import { useFigureFormat, useReportingLabels } from './labels';

/** A changed figure's cell: '' the total, else `spec:row` or `spec:row:col`. */
function useCellLabel(): (cell: string) => string {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  return (cell) => {
    if (cell === '') return t('reporting.changes.total');
    const [spec = '', ...keys] = cell.split(':');
    const dims = spec.split('*');
    const values = keys.map((k, i) => labels.value(dims[i] ?? '', k));
    return t('reporting.changes.cell', { spec: labels.spec(spec), values: values.join(', ') });
  };
}

/** Figures of closed periods that differ now from what was submitted in their signed snapshot. */
export function ChangesTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const cellLabel = useCellLabel();
  const format = useFigureFormat();
  const threshold = report.suppression.threshold;
  if (report.changes.length === 0)
    return (
      <Text size="sm">
        {report.source === 'live' && report.coverage !== 'project'
          ? t('reporting.changes.notCompared')
          : t('reporting.changes.none')}
      </Text>
    );
  const unitOf = (code: string) => report.indicators.find((i) => i.code === code)?.unit ?? 'count';
  return (
    <ScrollTable minWidth={640} label={t('reporting.changes.tableLabel')}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reporting.changes.period')}</Table.Th>
            <Table.Th scope="col">{t('reporting.changes.indicator')}</Table.Th>
            <Table.Th scope="col">{t('reporting.changes.figure')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.changes.submitted')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.changes.now')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.changes.difference')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.changes.map((c) => {
            const unit = unitOf(c.indicatorCode);
            const diff = c.submitted !== null && c.now !== null ? c.now - c.submitted : null;
            return (
              <Table.Tr key={`${c.periodId}-${c.indicatorCode}-${c.cell}`}>
                <Table.Td>{c.periodLabel}</Table.Td>
                <Table.Td ff="monospace">{c.indicatorCode}</Table.Td>
                <Table.Td>{cellLabel(c.cell)}</Table.Td>
                <Table.Td ta="right">
                  <Figure value={c.submitted} unit={unit} absence="hidden" threshold={threshold} />
                </Table.Td>
                <Table.Td ta="right">
                  <Figure value={c.now} unit={unit} absence="hidden" threshold={threshold} />
                </Table.Td>
                <Table.Td ta="right">
                  {diff === null
                    ? t('common.none')
                    : `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${format.figure(Math.abs(diff), unit)}`}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
