import { Box, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../src/modules/projects/contract';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { statusLabel } from '../cases/labels';
import { type Funnel, useFunnel } from './api';
import { ResettlementFrame } from './ResettlementFrame';

/** A project's funnel: households and persons reaching each stage, conversion, median days between stages. */
export function FunnelPage() {
  const { t } = useTranslation();
  return (
    <ResettlementFrame title={t('resettlement.funnel.title')} intro={t('resettlement.funnel.intro')}>
      {(project) => <FunnelView project={project} />}
    </ResettlementFrame>
  );
}

function FunnelView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const funnel = useFunnel(project.id);
  if (funnel.isPending) return <LoadingState />;
  if (funnel.isError) return <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  return (
    <Stack gap="lg">
      <Section id="rst-funnel-stages" title={t('resettlement.funnel.stagesTitle')}>
        <Stack gap="lg">
          <FunnelBars funnel={funnel.data} />
          <FunnelTable funnel={funnel.data} />
        </Stack>
      </Section>
      <Current funnel={funnel.data} />
    </Stack>
  );
}

/**
 * The households reaching each stage as bars: the figures are written beside them (and in the table below),
 * the bars only show the proportions.
 */
function FunnelBars({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const max = Math.max(1, ...funnel.stages.map((s) => s.reached));
  return (
    <Box component="figure" m={0} aria-labelledby={captionId}>
      <Text component="figcaption" id={captionId} size="sm" fw={600} mb="xs">
        {t('resettlement.funnel.barsCaption')}
      </Text>
      <Stack component="ol" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {funnel.stages.map((s) => (
          <li key={s.stage}>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" w={220} style={{ flexShrink: 0 }}>
                {statusLabel(s.stage, t)}
              </Text>
              <Box
                aria-hidden
                h={18}
                style={{
                  width: `${(s.reached / max) * 60}%`,
                  minWidth: s.reached > 0 ? 4 : 0,
                  background: 'var(--mantine-color-blue-6)',
                  borderRadius: 3,
                }}
              />
              <Text size="sm">
                {t('resettlement.funnel.barValue', {
                  households: format.number(s.reached),
                  persons: format.number(s.persons),
                })}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Box>
  );
}

function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollTable minWidth={720} label={t('resettlement.funnel.tableLabel')}>
      <Table aria-label={t('resettlement.funnel.tableLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('resettlement.funnel.stage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.funnel.households')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.funnel.persons')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.funnel.conversion')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.funnel.medianDays')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funnel.stages.map((s) => (
            <Table.Tr key={s.stage}>
              <Table.Th scope="row">{statusLabel(s.stage, t)}</Table.Th>
              <Table.Td ta="right">{format.number(s.reached)}</Table.Td>
              <Table.Td ta="right">{format.number(s.persons)}</Table.Td>
              <Table.Td ta="right">
                {s.conversion === null ? t('common.none') : format.percent(s.conversion)}
              </Table.Td>
              <Table.Td ta="right">
                {s.medianDaysFromPrevious === null
                  ? t('common.none')
                  : t('resettlement.funnel.days', {
                      count: s.medianDaysFromPrevious,
                      days: format.number(s.medianDaysFromPrevious),
                    })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Current({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Section id="rst-funnel-current" title={t('resettlement.funnel.currentTitle')}>
        {funnel.current.length === 0 ? (
          <Text size="sm">{t('resettlement.funnel.noHousehold')}</Text>
        ) : (
          <ScrollTable minWidth={360} label={t('resettlement.funnel.currentTable')}>
            <Table aria-label={t('resettlement.funnel.currentTable')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('resettlement.funnel.stage')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('resettlement.funnel.households')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('resettlement.funnel.persons')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {funnel.current.map((c) => (
                  <Table.Tr key={c.stage}>
                    <Table.Th scope="row">{statusLabel(c.stage, t)}</Table.Th>
                    <Table.Td ta="right">{format.number(c.households)}</Table.Td>
                    <Table.Td ta="right">{format.number(c.persons)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
      <Section id="rst-funnel-exits" title={t('resettlement.funnel.exitsTitle')}>
        <DescriptionList
          items={[
            { term: t('resettlement.funnel.rejected'), description: format.number(funnel.exits.rejected) },
            { term: t('resettlement.funnel.withdrawn'), description: format.number(funnel.exits.withdrawn) },
            { term: t('resettlement.funnel.merged'), description: format.number(funnel.exits.merged) },
          ]}
        />
      </Section>
    </SimpleGrid>
  );
}
