import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import { useMoney } from '../../shared/money/useMoney';
import type { Plan } from './api';

/** Every approved version, newest first, with its total. */
export function PlanVersions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const versions = [...plan.versions].sort((a, b) => b.number - a.number);
  if (versions.length === 0) return <Text size="sm">{t('reintegration.versions.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={t('reintegration.versions.tableLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reintegration.versions.number')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.versions.approvedBy')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.versions.approvedAt')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.versions.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.number}>
              <Table.Th scope="row">
                {t('reintegration.versions.label', { number: version.number })}
                {version.number === plan.approvedVersion ? (
                  <Text span size="xs" c="dimmed" ms={6}>
                    {t('reintegration.versions.current')}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>{version.approvedByName}</Table.Td>
              <Table.Td>{format.dateTime(version.approvedAt)}</Table.Td>
              <Table.Td ta="right">{money.moneyList(version.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
