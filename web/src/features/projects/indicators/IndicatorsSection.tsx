import { Alert, Group, Progress, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../../shared/components/DescriptionList';
import { LoadingState, QueryError } from '../../../shared/components/QueryStates';
import { Section } from '../../../shared/components/Section';
import { useFormat } from '../../../shared/format/useFormat';
import { useMoney } from '../../../shared/money/useMoney';
import { sexLabel } from '../../referrals/labels';
import { NEEDS_BY_CATEGORY, needCategoryLabel } from '../../registry/labels';
import { deliveryModeLabel, dimensionLabel } from '../../reintegration/labels';
import { type ProjectIndicators, useProjectIndicators } from './api';
import { BreakdownTable } from './BreakdownTable';
import { CountCell } from './CountCell';

const AGE_BANDS = ['minor', 'adult', 'unknown'] as const;

function ageBandLabel(key: string, t: TFunction): string {
  const band = AGE_BANDS.find((b) => b === key);
  return band ? t(`indicators.ageBands.${band}`) : key;
}

/** A project's indicators, for the office or (small cells hidden) for a report that leaves it. */
export function IndicatorsSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [suppress, setSuppress] = useState(false);
  const query = useProjectIndicators(projectId, suppress);
  return (
    <Section id="project-indicators" title={t('indicators.title')}>
      <Stack>
        <Switch
          checked={suppress}
          onChange={(event) => setSuppress(event.currentTarget.checked)}
          label={t('indicators.suppress')}
          description={t('indicators.suppressHint')}
        />
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <IndicatorsView data={query.data} />
        )}
      </Stack>
    </Section>
  );
}

function IndicatorsView({ data }: { data: ProjectIndicators }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const vulnerability = (key: string) => {
    const category = NEEDS_BY_CATEGORY.find((c) => c.category === key)?.category;
    if (category) return needCategoryLabel(category, i18n.language);
    return key === 'unknown' ? t('indicators.unknown') : key;
  };
  const country = (key: string) => (key === 'unknown' ? t('indicators.unknown') : format.country(key));
  const sex = (key: string) => sexLabel(key, t);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {data.coverage === 'project' ? t('indicators.coverageProject') : t('indicators.coverageOwnOffices')}
      </Text>
      {data.suppressed ? (
        <Alert color="gray" variant="light" icon={<IconEyeOff aria-hidden />}>
          <Text size="sm">{t('indicators.suppressedNote')}</Text>
        </Alert>
      ) : null}

      <Title order={3} size="h4">
        {t('indicators.personsTitle')}
      </Title>
      <PersonsAgainstTarget total={data.persons.total} target={data.targetPersons} />
      <DescriptionList
        items={[
          { term: t('indicators.returned'), description: <CountCell value={data.persons.returned} /> },
          {
            term: t('indicators.withApprovedPlan'),
            description: <CountCell value={data.persons.withApprovedPlan} />,
          },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} style={{ alignItems: 'start' }}>
        <BreakdownTable
          title={t('indicators.bySex')}
          keyLabel={t('indicators.sex')}
          counts={data.persons.bySex}
          labelOf={sex}
        />
        <BreakdownTable
          title={t('indicators.byAgeBand')}
          keyLabel={t('indicators.ageBand')}
          counts={data.persons.byAgeBand}
          labelOf={(k) => ageBandLabel(k, t)}
        />
        <BreakdownTable
          title={t('indicators.byNationality')}
          keyLabel={t('indicators.nationality')}
          counts={data.persons.byNationality}
          labelOf={country}
        />
        <BreakdownTable
          title={t('indicators.byVulnerability')}
          keyLabel={t('indicators.vulnerability')}
          counts={data.persons.byVulnerability}
          labelOf={vulnerability}
        />
      </SimpleGrid>

      <Title order={3} size="h4">
        {t('indicators.reintegrationTitle')}
      </Title>
      <DescriptionList
        items={[
          { term: t('indicators.deliveries'), description: format.number(data.reintegration.deliveries) },
          { term: t('indicators.delivered'), description: money.moneyList(data.reintegration.delivered) },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
        <BreakdownTable
          title={t('indicators.byDimension')}
          keyLabel={t('indicators.dimension')}
          counts={data.reintegration.personsByDimension}
          labelOf={(k) => dimensionLabel(k, t)}
        />
        <BreakdownTable
          title={t('indicators.byMode')}
          keyLabel={t('indicators.mode')}
          counts={data.reintegration.personsByMode}
          labelOf={(k) => deliveryModeLabel(k, t)}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} style={{ alignItems: 'start' }}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('indicators.employmentTitle')}
          </Title>
          <DescriptionList
            items={[
              {
                term: t('indicators.placements'),
                description: <CountCell value={data.employment.placements} />,
              },
              {
                term: t('indicators.personsPlaced'),
                description: <CountCell value={data.employment.persons} />,
              },
              {
                term: t('indicators.stillEmployed3'),
                description: <CountCell value={data.employment.stillEmployed3Months} />,
              },
              {
                term: t('indicators.stillEmployed6'),
                description: <CountCell value={data.employment.stillEmployed6Months} />,
              },
            ]}
          />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('indicators.capacityTitle')}
          </Title>
          <DescriptionList
            items={[
              { term: t('indicators.activities'), description: format.number(data.capacity.activities) },
              {
                term: t('indicators.peopleTrained'),
                description: <CountCell value={data.capacity.peopleTrained} />,
              },
            ]}
          />
          <BreakdownTable
            title={t('indicators.trainedBySex')}
            keyLabel={t('indicators.sex')}
            counts={data.capacity.bySex}
            labelOf={sex}
          />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('indicators.campaignsTitle')}
          </Title>
          <DescriptionList
            items={[
              { term: t('indicators.campaigns'), description: format.number(data.campaigns.count) },
              { term: t('indicators.reach'), description: <CountCell value={data.campaigns.reach} /> },
            ]}
          />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function PersonsAgainstTarget({ total, target }: { total: number | null; target: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = total !== null && target ? Math.min(100, Math.round((total / target) * 100)) : null;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('indicators.personsAssisted')}
        </Text>
        <Text size="sm">
          <CountCell value={total} />
          {target !== null ? ` ${t('indicators.ofTarget', { target: format.number(target) })}` : ''}
        </Text>
      </Group>
      {share !== null ? (
        <Progress value={share} size="lg" aria-label={t('indicators.targetProgress', { percent: share })} />
      ) : null}
    </Stack>
  );
}
