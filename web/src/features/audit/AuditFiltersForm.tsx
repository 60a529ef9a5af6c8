import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AuditQuerySchema } from '../../../../src/modules/audit/contract';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import type { AuditFilters } from './api';
import { localDayBoundary } from './dates';

const day = z.union([z.literal(''), z.iso.date()]);
const AuditFilterFormSchema = AuditQuerySchema.pick({
  actor: true,
  recordType: true,
  recordId: true,
  action: true,
})
  .extend({ from: day, to: day })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'validation.dateRange', path: ['to'] });

export type AuditFilterValues = {
  actor: string;
  recordType: string;
  recordId: string;
  action: string;
  from: string;
  to: string;
};
type AuditFilterOutput = z.output<typeof AuditFilterFormSchema>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = {
  actor: '',
  recordType: '',
  recordId: '',
  action: '',
  from: '',
  to: '',
};

export function toAuditFilters(values: AuditFilterOutput): AuditFilters {
  const filters: AuditFilters = {};
  if (values.actor) filters.actor = values.actor;
  if (values.recordType) filters.recordType = values.recordType;
  if (values.recordId) filters.recordId = values.recordId;
  if (values.action) filters.action = values.action;
  if (values.from) filters.from = localDayBoundary(values.from, 'start');
  if (values.to) filters.to = localDayBoundary(values.to, 'end');
  return filters;
}

export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const resolver = useMemo(
    () => localizedZodResolver<AuditFilterValues, AuditFilterOutput>(AuditFilterFormSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AuditFilterValues, unknown, AuditFilterOutput>({
    resolver,
    defaultValues: EMPTY_AUDIT_FILTERS,
  });

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for some supported browsers.
    <form
      role="search"
      aria-label={t('audit.filters.label')}
      noValidate
      onSubmit={handleSubmit((values) => onApply(toAuditFilters(values)))}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="sm">
        <TextInput
          label={t('audit.filters.actor')}
          autoComplete="off"
          error={errors.actor?.message}
          {...register('actor')}
        />
        <TextInput label={t('audit.filters.action')} error={errors.action?.message} {...register('action')} />
        <TextInput
          label={t('audit.filters.recordType')}
          error={errors.recordType?.message}
          {...register('recordType')}
        />
        <TextInput
          label={t('audit.filters.recordId')}
          error={errors.recordId?.message}
          {...register('recordId')}
        />
        <TextInput
          label={t('audit.filters.from')}
          type="date"
          error={errors.from?.message}
          {...register('from')}
        />
        <TextInput label={t('audit.filters.to')} type="date" error={errors.to?.message} {...register('to')} />
      </SimpleGrid>
      <Group mb="lg">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            reset(EMPTY_AUDIT_FILTERS);
            onApply({});
          }}
        >
          {t('audit.filters.reset')}
        </Button>
      </Group>
    </form>
  );
}
