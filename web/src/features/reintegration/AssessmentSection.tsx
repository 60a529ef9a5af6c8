import {
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AssessmentInputSchema,
  DIMENSIONS,
  NEED_LEVELS,
} from '../../../../src/modules/reintegration/contract';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { Section } from '../../shared/components/Section';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import {
  type Assessment,
  type AssessmentBody,
  type ReintegrationView,
  reintegrationApi,
  useReintegrationError,
  useStoreReintegration,
} from './api';
import { dimensionLabel, levelColor, levelLabel } from './labels';

export function AssessmentSection({ view, canEdit }: { view: ReintegrationView; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assessment = view.assessment;
  return (
    <Section id="reintegration-assessment" title={t('reintegration.assessment.title')}>
      <Stack>
        {assessment ? (
          <>
            <Text size="sm">
              {t('reintegration.assessment.latest', {
                date: format.calendarDate(assessment.assessedOn),
                name: assessment.assessedByName,
              })}{' '}
              <Text span c="dimmed" size="sm">
                {t('reintegration.assessment.count', { count: view.assessments })}
              </Text>
            </Text>
            <AssessmentTable assessment={assessment} />
          </>
        ) : (
          <Text>{t('reintegration.assessment.none')}</Text>
        )}
        {canEdit ? <AssessmentForm caseId={view.caseId} latest={assessment} /> : null}
      </Stack>
    </Section>
  );
}

function AssessmentTable({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={t('reintegration.assessment.tableLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reintegration.assessment.dimension')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.assessment.level')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.assessment.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DIMENSIONS.map((dimension) => {
            const entry = assessment[dimension];
            return (
              <Table.Tr key={dimension}>
                <Table.Th scope="row">{dimensionLabel(dimension, t)}</Table.Th>
                <Table.Td>
                  <Badge variant="light" color={levelColor(entry.level)} tt="none">
                    {levelLabel(entry.level, t)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.notes ?? t('common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type DimensionValues = { level: string; notes: string };
type AssessmentValues = Record<(typeof DIMENSIONS)[number], DimensionValues> & { assessedOn: string };
const FIELDS = new Set(['assessedOn', ...DIMENSIONS.flatMap((d) => [`${d}.level`, `${d}.notes`])]);

function toValues(latest: Assessment | null): AssessmentValues {
  const dim = (d: (typeof DIMENSIONS)[number]) => ({
    level: latest?.[d].level ?? '',
    notes: latest?.[d].notes ?? '',
  });
  return {
    economic: dim('economic'),
    social: dim('social'),
    psychosocial: dim('psychosocial'),
    assessedOn: today(),
  };
}

function toBody(values: AssessmentValues): AssessmentBody {
  const dim = (d: DimensionValues) => ({
    level: d.level as AssessmentBody['economic']['level'],
    notes: d.notes.trim() === '' ? null : d.notes,
  });
  return {
    economic: dim(values.economic),
    social: dim(values.social),
    psychosocial: dim(values.psychosocial),
    assessedOn: values.assessedOn,
  };
}

/** A new assessment, starting from the latest one's levels and notes. */
function AssessmentForm({ caseId, latest }: { caseId: string; latest: Assessment | null }) {
  const { t } = useTranslation();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(caseId);
  const resolver = useMemo(() => localizedZodValidator(AssessmentInputSchema, t, toBody), [t]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<AssessmentValues, unknown, AssessmentBody>({ resolver, defaultValues: toValues(latest) });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: AssessmentBody) => reintegrationApi.recordAssessment(caseId, body),
    successMessage: () => t('reintegration.assessment.saved'),
    onSaved: (view) => {
      store(view);
      reset(toValues(view.assessment));
    },
    recover: onStale,
  });
  const levels = [
    { value: '', label: t('reintegration.assessment.chooseLevel') },
    ...NEED_LEVELS.map((level) => ({ value: level, label: levelLabel(level, t) })),
  ];
  return (
    <form noValidate aria-labelledby="reintegration-assessment-form" onSubmit={handleSubmit(submit)}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="reintegration-assessment-form">
          {t('reintegration.assessment.formTitle')}
        </Title>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {DIMENSIONS.map((dimension) => (
            <Fieldset key={dimension} legend={dimensionLabel(dimension, t)}>
              <Stack gap="xs">
                <NativeSelect
                  label={t('reintegration.assessment.level')}
                  required
                  data={levels}
                  error={errors[dimension]?.level?.message}
                  {...register(`${dimension}.level`)}
                />
                <AutoDirTextarea
                  label={t('reintegration.assessment.notes')}
                  autosize
                  minRows={2}
                  maxRows={8}
                  error={errors[dimension]?.notes?.message}
                  {...register(`${dimension}.notes`)}
                />
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        <Group align="flex-end">
          <TextInput
            label={t('reintegration.assessment.assessedOn')}
            type="date"
            required
            error={errors.assessedOn?.message}
            {...register('assessedOn')}
          />
          <Button type="submit" loading={isPending}>
            {t('reintegration.assessment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
