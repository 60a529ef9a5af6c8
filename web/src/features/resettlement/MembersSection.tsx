import { Anchor, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { needLabel, useBirthDate } from '../registry/labels';
import type { HouseholdView } from './api';
import { relationshipLabel } from './labels';

type Precision = 'exact' | 'month' | 'year' | 'estimated';

/** Who travels, and who left the household (split off, merged away) with the reason. */
export function MembersSection({ household }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const birthDate = useBirthDate();
  return (
    <Stack gap="md">
      <Text size="sm">{t('resettlement.members.count', { count: household.members.length })}</Text>
      <ScrollTable minWidth={760} label={t('resettlement.members.tableLabel')}>
        <Table aria-label={t('resettlement.members.tableLabel')} withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('resettlement.members.name')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.members.relationship')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.members.sex')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.members.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.members.needs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {household.members.map((m) => (
              <Table.Tr key={m.personId}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/registry/${m.personId}`} size="sm" fw={600}>
                    <bdi>{m.name}</bdi>
                  </Anchor>
                  {m.nameOriginal ? (
                    <Text size="xs" c="dimmed">
                      <bdi>{m.nameOriginal}</bdi>
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>{relationshipLabel(m.relationship, t)}</Table.Td>
                <Table.Td>
                  {m.sex === 'male' || m.sex === 'female' || m.sex === 'other' || m.sex === 'unknown'
                    ? t(`registry.sexes.${m.sex}`)
                    : m.sex}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <span>{birthDate(m.birthDate, m.birthDatePrecision as Precision)}</span>
                    {m.minor ? (
                      <Badge size="sm" variant="light" tt="none">
                        {t('resettlement.members.minor')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {m.needs.length > 0
                    ? format.list(m.needs.map((n) => needLabel(n, i18n.language)))
                    : t('common.none')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {household.formerMembers.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('resettlement.members.former')}
          </Text>
          <List size="sm">
            {household.formerMembers.map((m) => (
              <List.Item key={`${m.personId}-${m.leftOn}`}>
                {t('resettlement.members.leftOn', { name: m.name, date: format.calendarDate(m.leftOn) })}
                {m.leftReason ? ` — ${m.leftReason}` : ''}
                {m.leftToCaseId ? (
                  <>
                    {' '}
                    <Anchor component={Link} to={`/cases/${m.leftToCaseId}?tab=resettlement`} size="sm">
                      {t('resettlement.members.openOther')}
                    </Anchor>
                  </>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
