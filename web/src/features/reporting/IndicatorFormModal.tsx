import {
  Alert,
  List,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect } from 'react';
import { Controller, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  IndicatorInputSchema,
  IndicatorUpdateSchema,
  UNITS,
} from '../../../../src/modules/reporting/contract';
import { currentLanguage } from '../../i18n';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import {
  type Definition,
  type Framework,
  type Indicator,
  type IndicatorBody,
  type IndicatorUpdateBody,
  reportingApi,
  useCatalogue,
  useRefreshReporting,
} from './api';
import { BreakdownPicker } from './BreakdownPicker';
import { useReportingLabels } from './labels';
import { onFields } from './problems';

/** The most breakdowns an indicator keeps (IndicatorInputSchema). */
const MAX_BREAKDOWNS = 12;

export interface IndicatorValues {
  nodeId: string;
  kind: 'computed' | 'manual';
  /** `id@version` of the catalogue definition, '' for none. */
  definition: string;
  code: string;
  title: { fr: string; en: string };
  unit: string;
  baseline: string;
  target: string;
  meansOfVerification: { fr: string; en: string };
  breakdowns: string[];
  /** Targets of the open periods, by period id ('' for none). */
  periodTargets: Record<string, string>;
}

const FIELDS = [
  'nodeId',
  'kind',
  'definition',
  'code',
  'title',
  'unit',
  'baseline',
  'target',
  'meansOfVerification',
  'breakdowns',
  'periodTargets',
];

/** A number as typed ("1 500,5" or "1500.5"); '' is no number; anything else NaN (refused by the schema). */
export function parseFigure(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const figureText = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const definitionKey = (d: { id: string; version: number }) => `${d.id}@${d.version}`;

export type IndicatorDialog = { mode: 'create'; nodeId: string } | { mode: 'edit'; indicator: Indicator };

export function IndicatorFormModal({
  framework,
  dialog,
  onClose,
}: {
  framework: Framework;
  dialog: IndicatorDialog | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={dialog !== null}
      onClose={onClose}
      size="xl"
      title={
        dialog?.mode === 'edit'
          ? t('reporting.framework.editIndicatorTitle', { code: dialog.indicator.code })
          : t('reporting.framework.addIndicatorTitle')
      }
    >
      {dialog ? <IndicatorFormLoader framework={framework} dialog={dialog} onDone={onClose} /> : null}
    </AppModal>
  );
}

function IndicatorFormLoader({
  framework,
  dialog,
  onDone,
}: {
  framework: Framework;
  dialog: IndicatorDialog;
  onDone: () => void;
}) {
  const catalogue = useCatalogue();
  if (catalogue.isPending) return <LoadingState />;
  if (catalogue.isError)
    return <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  return <IndicatorForm framework={framework} dialog={dialog} catalogue={catalogue.data} onDone={onDone} />;
}

function IndicatorForm({
  framework,
  dialog,
  catalogue,
  onDone,
}: {
  framework: Framework;
  dialog: IndicatorDialog;
  catalogue: Definition[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const refresh = useRefreshReporting();
  const editing = dialog.mode === 'edit' ? dialog.indicator : null;
  const openPeriods = framework.periods.filter((p) => p.status === 'open');
  const definitionOf = (key: string) => catalogue.find((d) => definitionKey(d) === key);

  const toCreateBody = (v: IndicatorValues): IndicatorBody => {
    const definition = v.kind === 'computed' ? definitionOf(v.definition) : undefined;
    return {
      nodeId: v.nodeId,
      code: v.code,
      title: v.title,
      unit: (definition?.unit ?? (v.unit || undefined)) as IndicatorBody['unit'],
      kind: v.kind,
      definition: definition ? { id: definition.id, version: definition.version } : null,
      baseline: parseFigure(v.baseline),
      target: parseFigure(v.target),
      meansOfVerification: v.meansOfVerification,
      breakdowns: v.kind === 'computed' ? v.breakdowns : [],
    };
  };
  const toUpdateBody = (v: IndicatorValues): IndicatorUpdateBody => {
    const current = editing as Indicator;
    const periodTargets: Record<string, number | null> = {};
    for (const p of openPeriods) {
      const typed = parseFigure(v.periodTargets[p.id] ?? '');
      if (typed !== (current.periodTargets[p.id] ?? null)) periodTargets[p.id] = typed;
    }
    return {
      version: current.version,
      code: v.code,
      title: v.title,
      baseline: parseFigure(v.baseline),
      target: parseFigure(v.target),
      meansOfVerification: v.meansOfVerification,
      ...(current.kind === 'computed' ? { breakdowns: v.breakdowns } : {}),
      ...(Object.keys(periodTargets).length ? { periodTargets } : {}),
    };
  };
  const base = editing
    ? localizedZodResolver<IndicatorValues, IndicatorUpdateBody>(IndicatorUpdateSchema, t, toUpdateBody)
    : localizedZodResolver<IndicatorValues, IndicatorBody>(IndicatorInputSchema, t, toCreateBody);
  // The contract's "definition required" refinement has no message of the UI's own: say what to do.
  const resolver: Resolver<IndicatorValues, unknown, IndicatorBody | IndicatorUpdateBody> = async (
    values,
    context,
    options,
  ) => {
    const result = await base(values, context, options);
    if (!editing && values.kind === 'computed' && !definitionOf(values.definition)) {
      // The unit comes from the definition: its absence is said once, on the definition.
      const { unit: _unit, ...errors } = result.errors;
      return {
        values: {},
        errors: {
          ...errors,
          definition: { type: 'custom', message: t('reporting.framework.chooseDefinition') },
        },
      };
    }
    return result as Awaited<
      ReturnType<Resolver<IndicatorValues, unknown, IndicatorBody | IndicatorUpdateBody>>
    >;
  };
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    formState: { errors },
  } = useForm<IndicatorValues, unknown, IndicatorBody | IndicatorUpdateBody>({
    resolver,
    defaultValues: {
      nodeId: editing?.nodeId ?? (dialog.mode === 'create' ? dialog.nodeId : ''),
      kind: editing?.kind ?? 'computed',
      definition: editing?.definition ? definitionKey(editing.definition) : '',
      code: editing?.code ?? '',
      title: editing?.title ?? { fr: '', en: '' },
      unit: editing?.unit ?? '',
      baseline: figureText(editing?.baseline),
      target: figureText(editing?.target),
      meansOfVerification: editing?.meansOfVerification ?? { fr: '', en: '' },
      breakdowns: editing?.breakdowns ?? [],
      periodTargets: Object.fromEntries(
        openPeriods.map((p) => [p.id, figureText(editing?.periodTargets[p.id])]),
      ),
    },
  });
  const kind = watch('kind');
  const chosen = kind === 'computed' ? definitionOf(watch('definition')) : undefined;

  // A definition chosen: its breakdowns only, and its wording as a starting point for the titles.
  useEffect(() => {
    if (editing || !chosen) return;
    setValue(
      'breakdowns',
      getValues('breakdowns').filter((spec) =>
        spec.split('*').every((d) => chosen.breakdowns.includes(d as never)),
      ),
    );
    if (!getValues('title.fr') && !getValues('title.en')) setValue('title', { ...chosen.title });
  }, [chosen, editing, getValues, setValue]);

  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: (body: IndicatorBody | IndicatorUpdateBody) =>
      editing
        ? reportingApi.updateIndicator(editing.id, body as IndicatorUpdateBody)
        : reportingApi.addIndicator(framework.projectId, body as IndicatorBody),
    localizeError: onFields({
      framework_code_taken: 'code',
      breakdown_not_supported: 'breakdowns',
      definition_unknown: 'definition',
      definition_unavailable: 'definition',
      framework_parent_invalid: 'nodeId',
    }),
    successMessage: (saved) => t('reporting.framework.indicatorSaved', { code: saved.code }),
    onSaved: onDone,
    refresh,
  });

  const lang = currentLanguage();
  const available = catalogue.filter((d) => d.available);
  const unavailable = catalogue.filter((d) => !d.available);
  const editedDefinition = editing?.definition
    ? catalogue.find((d) => d.id === editing.definition?.id && d.version === editing.definition.version)
    : undefined;
  const shownDefinition = editing ? editedDefinition : chosen;

  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      {editing ? (
        <Text size="sm">
          {editing.kind === 'computed'
            ? t('reporting.framework.editComputed', {
                definition: editedDefinition?.title[lang] ?? editing.definition?.id ?? '',
                unit: labels.unit(editing.unit),
              })
            : t('reporting.framework.editManual', { unit: labels.unit(editing.unit) })}
        </Text>
      ) : (
        <>
          <NativeSelect
            label={t('reporting.framework.fields.node')}
            required
            error={errors.nodeId?.message}
            data={framework.nodes.map((n) => ({
              value: n.id,
              label: `${labels.nodeKind(n.kind)} ${n.code} – ${n.title[lang]}`,
            }))}
            {...register('nodeId')}
          />
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Radio.Group
                label={t('reporting.framework.fields.kind')}
                required
                value={field.value}
                onChange={(value) => field.onChange(value)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio
                    value="computed"
                    label={t('reporting.framework.kindComputed')}
                    description={t('reporting.framework.kindComputedHint')}
                  />
                  <Radio
                    value="manual"
                    label={t('reporting.framework.kindManual')}
                    description={t('reporting.framework.kindManualHint')}
                  />
                </Stack>
              </Radio.Group>
            )}
          />
          {kind === 'computed' ? (
            <Stack gap="xs">
              <NativeSelect
                label={t('reporting.framework.fields.definition')}
                required
                error={errors.definition?.message}
                data={[
                  { value: '', label: t('reporting.framework.chooseDefinitionOption') },
                  {
                    group: t('reporting.framework.definitionsAvailable'),
                    items: available.map((d) => ({ value: definitionKey(d), label: d.title[lang] })),
                  },
                  ...(unavailable.length
                    ? [
                        {
                          group: t('reporting.framework.definitionsUnavailable'),
                          items: unavailable.map((d) => ({
                            value: definitionKey(d),
                            label: t('reporting.framework.unavailableOption', { title: d.title[lang] }),
                            disabled: true,
                          })),
                        },
                      ]
                    : []),
                ]}
                {...register('definition')}
              />
              {unavailable.length ? (
                <div>
                  <Text size="xs" c="dimmed">
                    {t('reporting.framework.unavailableIntro')}
                  </Text>
                  <List size="xs" c="dimmed">
                    {unavailable.map((d) => (
                      <List.Item key={definitionKey(d)}>
                        {t('reporting.framework.unavailableReason', {
                          title: d.title[lang],
                          reason: d.counts[lang],
                        })}
                      </List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
            </Stack>
          ) : (
            <NativeSelect
              label={t('reporting.framework.fields.unit')}
              required
              error={errors.unit?.message}
              data={[
                { value: '', label: t('reporting.framework.chooseUnit') },
                ...UNITS.map((u) => ({ value: u, label: labels.unit(u) })),
              ]}
              {...register('unit')}
            />
          )}
        </>
      )}
      {shownDefinition ? (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('reporting.indicator.counts')}
          </Text>
          <Text size="sm">{shownDefinition.counts[lang]}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('reporting.framework.definitionFacts', {
              unit: labels.unit(shownDefinition.unit),
              version: shownDefinition.version,
            })}
            {shownDefinition.personal ? ` ${t('reporting.framework.definitionPersonal')}` : ''}
          </Text>
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('reporting.framework.fields.code')}
          description={t('reporting.framework.fields.indicatorCodeHint')}
          required
          autoComplete="off"
          error={errors.code?.message}
          {...register('code')}
        />
        <TextInput
          label={t('reporting.framework.fields.baseline')}
          inputMode="decimal"
          autoComplete="off"
          error={errors.baseline?.message}
          {...register('baseline')}
        />
        <TextInput
          label={t('reporting.framework.fields.target')}
          description={t('reporting.framework.fields.targetHint')}
          inputMode="decimal"
          autoComplete="off"
          error={errors.target?.message}
          {...register('target')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('reporting.framework.fields.titleFr')}
          required
          lang="fr"
          autoComplete="off"
          error={errors.title?.fr?.message}
          {...register('title.fr')}
        />
        <TextInput
          label={t('reporting.framework.fields.titleEn')}
          required
          lang="en"
          autoComplete="off"
          error={errors.title?.en?.message}
          {...register('title.en')}
        />
        <Textarea
          label={t('reporting.framework.fields.verificationFr')}
          lang="fr"
          autosize
          minRows={2}
          error={errors.meansOfVerification?.fr?.message}
          {...register('meansOfVerification.fr')}
        />
        <Textarea
          label={t('reporting.framework.fields.verificationEn')}
          lang="en"
          autosize
          minRows={2}
          error={errors.meansOfVerification?.en?.message}
          {...register('meansOfVerification.en')}
        />
      </SimpleGrid>
      {(editing ? editing.kind === 'computed' : kind === 'computed') ? (
        <Controller
          control={control}
          name="breakdowns"
          render={({ field }) => (
            <Stack gap={4}>
              <BreakdownPicker
                label={t('reporting.framework.fields.breakdowns')}
                description={
                  shownDefinition
                    ? t('reporting.framework.breakdownsHint')
                    : t('reporting.framework.breakdownsChooseDefinition')
                }
                dimensions={shownDefinition?.breakdowns ?? []}
                max={MAX_BREAKDOWNS}
                value={field.value}
                onChange={field.onChange}
              />
              {errors.breakdowns?.message ? (
                <Text size="sm" c="red.9" role="alert">
                  {errors.breakdowns.message}
                </Text>
              ) : null}
            </Stack>
          )}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('reporting.framework.manualNoBreakdowns')}
        </Text>
      )}
      {editing ? (
        openPeriods.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('reporting.framework.noOpenPeriods')}
          </Alert>
        ) : (
          <Table withTableBorder captionSide="top">
            <Table.Caption>
              <Text size="sm" fw={600} ta="start">
                {t('reporting.framework.periodTargets')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.periods.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('reporting.framework.fields.periodTarget')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {openPeriods.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    {labels.periodSpan(p)}
                  </Table.Th>
                  <Table.Td>
                    <TextInput
                      aria-label={t('reporting.framework.periodTargetOf', { period: p.label })}
                      inputMode="decimal"
                      autoComplete="off"
                      size="xs"
                      error={errors.periodTargets?.[p.id]?.message}
                      {...register(`periodTargets.${p.id}`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </ModalForm>
  );
}
