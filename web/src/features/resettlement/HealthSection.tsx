import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { fetchFindings, type HouseholdView, householdApi, type Member, resettlementKeys } from './api';
import { conditionLabel, HEALTH_OUTCOMES, healthOutcomeLabel, TRAVEL_CONDITIONS } from './labels';
import { useHouseholdSave } from './useHouseholdSave';
import { ValidityBadge } from './ValidityBadge';

const outcomeColor = (outcome: string) =>
  outcome === 'fit'
    ? 'green'
    : outcome === 'fit_with_conditions'
      ? 'teal'
      : outcome === 'unfit'
        ? 'red'
        : 'gray';

interface HealthSectionProps {
  household: HouseholdView;
  /** health.write: a medical officer records assessments. */
  canRecord: boolean;
}

/**
 * Fitness to travel per member: the result, its validity and travel conditions for everyone who reads the
 * household; the findings only for the medical and protection roles of the office (each read audited).
 */
export function HealthSection({ household, canRecord }: HealthSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recording, setRecording] = useState<Member | null>(null);
  return (
    <Stack gap="sm">
      {household.canSeeFindings ? (
        <Text size="sm" c="dimmed">
          {t('resettlement.health.findingsAudited')}
        </Text>
      ) : (
        <Group gap="xs" wrap="nowrap">
          <IconLock size={16} aria-hidden />
          <Text size="sm">{t('resettlement.health.findingsRestricted')}</Text>
        </Group>
      )}
      <ScrollTable minWidth={860} label={t('resettlement.health.tableLabel')}>
        <Table aria-label={t('resettlement.health.tableLabel')} withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('resettlement.members.name')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.health.outcome')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.health.assessedOn')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.health.validUntil')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.health.conditions')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.health.findings')}</Table.Th>
              {canRecord ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {household.members.map((member) => {
              const h = member.health;
              return (
                <Table.Tr key={member.personId}>
                  <Table.Th scope="row">
                    <bdi>{member.name}</bdi>
                  </Table.Th>
                  <Table.Td>
                    {h ? (
                      <Badge color={outcomeColor(h.outcome)} variant="light" tt="none">
                        {healthOutcomeLabel(h.outcome, t)}
                      </Badge>
                    ) : (
                      <Text size="sm">{t('resettlement.health.notAssessed')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>{h ? format.calendarDate(h.assessedOn) : t('common.none')}</Table.Td>
                  <Table.Td>
                    <ValidityBadge validUntil={h?.validUntil ?? null} />
                  </Table.Td>
                  <Table.Td>
                    {h && h.travelConditions.length > 0
                      ? format.list(h.travelConditions.map((c) => conditionLabel(c, t)))
                      : t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    {!h ? (
                      t('common.none')
                    ) : !h.hasFindings ? (
                      t('resettlement.health.noFindings')
                    ) : household.canSeeFindings ? (
                      <Findings caseId={household.caseId} assessmentId={h.id} name={member.name} />
                    ) : (
                      <Badge
                        color="gray"
                        variant="outline"
                        tt="none"
                        leftSection={<IconLock size={12} aria-hidden />}
                      >
                        {t('resettlement.health.restricted')}
                      </Badge>
                    )}
                  </Table.Td>
                  {canRecord ? (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t('resettlement.health.recordFor', { name: member.name })}
                        onClick={() => setRecording(member)}
                      >
                        {t('resettlement.health.record')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {canRecord ? (
        <AppModal
          opened={recording !== null}
          onClose={() => setRecording(null)}
          title={recording ? t('resettlement.health.recordTitle', { name: recording.name }) : ''}
        >
          {recording ? (
            <HealthForm household={household} member={recording} onClose={() => setRecording(null)} />
          ) : null}
        </AppModal>
      ) : null}
    </Stack>
  );
}

/** The sealed findings, read (and audited) only when asked for, and not kept once hidden. */
function Findings({ caseId, assessmentId, name }: { caseId: string; assessmentId: string; name: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const findings = useQuery({
    queryKey: resettlementKeys.findings(caseId, assessmentId),
    queryFn: () => fetchFindings(caseId, assessmentId),
    enabled: shown,
    gcTime: 0,
    staleTime: 0,
  });
  if (!shown)
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('resettlement.health.showFindingsOf', { name })}
        onClick={() => setShown(true)}
      >
        {t('resettlement.health.showFindings')}
      </Button>
    );
  return (
    <Stack gap={4}>
      {findings.isPending ? (
        <LoadingState />
      ) : findings.isError ? (
        <QueryError error={findings.error} />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{findings.data.findings ?? t('resettlement.health.noFindings')}</bdi>
        </Text>
      )}
      <Button size="compact-xs" variant="subtle" onClick={() => setShown(false)}>
        {t('resettlement.health.hideFindings')}
      </Button>
    </Stack>
  );
}

const HealthFormSchema = z
  .object({
    assessedOn: z.iso.date(),
    outcome: z.enum(HEALTH_OUTCOMES),
    validUntil: z.union([z.iso.date(), z.literal('')]),
    travelConditions: z.array(z.enum(TRAVEL_CONDITIONS)),
    findings: z.string().max(5000),
  })
  .superRefine((v, ctx) => {
    // A fit result holds until a date: the server refuses one without it.
    if ((v.outcome === 'fit' || v.outcome === 'fit_with_conditions') && !v.validUntil)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validation.validUntilRequired' });
    if (v.validUntil && v.validUntil < v.assessedOn)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validation.dateRange' });
  });
type HealthValues = {
  assessedOn: string;
  outcome: string;
  validUntil: string;
  travelConditions: string[];
  findings: string;
};
type HealthFields = z.output<typeof HealthFormSchema>;
const FIELDS = ['assessedOn', 'outcome', 'validUntil', 'travelConditions', 'findings'];

function HealthForm({
  household,
  member,
  onClose,
}: {
  household: HouseholdView;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const resolver = useMemo(() => localizedZodResolver<HealthValues, HealthFields>(HealthFormSchema, t), [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<HealthValues, unknown, HealthFields>({
    resolver,
    defaultValues: { assessedOn: today(), outcome: '', validUntil: '', travelConditions: [], findings: '' },
  });
  const save = useHouseholdSave<HealthValues, HealthFields>({
    caseId: household.caseId,
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: (fields) =>
      householdApi.health(household.caseId, {
        version: household.version,
        personId: member.personId,
        assessedOn: fields.assessedOn,
        outcome: fields.outcome,
        validUntil: fields.validUntil || null,
        travelConditions: fields.travelConditions,
        ...(fields.findings.trim() ? { findings: fields.findings.trim() } : {}),
      }),
    successMessage: () => t('resettlement.health.saved', { name: member.name }),
    onDone: onClose,
  });
  return (
    <ModalForm
      onSubmit={handleSubmit(save.submit)}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('resettlement.health.assessedOn')}
          required
          error={errors.assessedOn?.message}
          {...register('assessedOn')}
        />
        <NativeSelect
          label={t('resettlement.health.outcome')}
          required
          error={errors.outcome?.message}
          data={[
            { value: '', label: t('common.choose') },
            ...HEALTH_OUTCOMES.map((o) => ({ value: o, label: healthOutcomeLabel(o, t) })),
          ]}
          {...register('outcome')}
        />
        <TextInput
          type="date"
          label={t('resettlement.health.validUntil')}
          description={t('resettlement.health.validUntilHint')}
          error={errors.validUntil?.message}
          {...register('validUntil')}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="travelConditions"
        render={({ field }) => (
          <Checkbox.Group
            label={t('resettlement.health.conditions')}
            description={t('resettlement.health.conditionsHint')}
            value={field.value}
            onChange={field.onChange}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={6}>
              {TRAVEL_CONDITIONS.map((c) => (
                <Checkbox key={c} value={c} label={conditionLabel(c, t)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
      />
      <Textarea
        label={t('resettlement.health.findings')}
        description={t('resettlement.health.findingsHint')}
        autosize
        minRows={3}
        error={errors.findings?.message}
        {...register('findings')}
      />
    </ModalForm>
  );
}
