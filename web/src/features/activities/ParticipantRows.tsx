import { NativeSelect, Text, TextInput } from '@mantine/core';
import {
  type Control,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { RepeatingRows } from '../../shared/components/RepeatingRows';
import { useFormat } from '../../shared/format/useFormat';
import { CountrySelect } from '../offices/CountrySelect';
import { sexLabel } from '../referrals/labels';
import type { ActivityValues } from './ActivityFormModal';
import type { CreateActivityBody, UpdateActivityBody } from './api';
import { PARTICIPANT_ROLES, roleLabel } from './labels';

export interface ParticipantValues {
  institution: string;
  country: string;
  sex: string;
  role: string;
  count: string;
}
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** A typed count as a number; 0 when it is not one yet (the totals ignore it). */
export function countOf(text: string): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Totals of participant groups: all of them, and per sex. */
export function participantTotals(rows: readonly { sex: string; count: number }[]) {
  const bySex = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    total += row.count;
    bySex.set(row.sex, (bySex.get(row.sex) ?? 0) + row.count);
  }
  return { total, bySex };
}

interface ParticipantRowsProps {
  control: Control<ActivityValues, unknown, CreateActivityBody | UpdateActivityBody>;
  register: UseFormRegister<ActivityValues>;
  errors: FieldErrors<ActivityValues>;
}

/** Participants counted per institution, country, sex and role, without names; running totals below. */
export function ParticipantRows({ control, register, errors }: ParticipantRowsProps) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'participants' });
  const rows = useWatch({ control, name: 'participants' }) ?? [];
  const last = rows[rows.length - 1];
  return (
    <RepeatingRows
      legend={t('activities.participants.legend')}
      emptyText={t('activities.participants.none')}
      rows={fields}
      rowLabel={(index) => t('activities.participants.row', { index: index + 1 })}
      removeLabel={(index) => t('activities.participants.remove', { index: index + 1 })}
      onRemove={remove}
      addLabel={t('activities.participants.add')}
      // A new group usually shares the previous one's institution and country.
      onAdd={() =>
        append({
          institution: last?.institution ?? '',
          country: last?.country ?? '',
          sex: '',
          role: last?.role ?? '',
          count: '',
        })
      }
      gap="xs"
      renderRow={(index) => {
        const rowErrors = errors.participants?.[index];
        return (
          <>
            <AutoDirTextInput
              label={t('activities.participants.institution')}
              required
              autoComplete="off"
              style={{ flex: '2 1 0', minWidth: 0 }}
              error={rowErrors?.institution?.message}
              {...register(`participants.${index}.institution`)}
            />
            <CountrySelect
              label={t('activities.participants.country')}
              required
              style={{ flex: '1.4 1 0', minWidth: 0 }}
              error={rowErrors?.country?.message}
              {...register(`participants.${index}.country`)}
            />
            <NativeSelect
              label={t('activities.participants.sex')}
              required
              style={{ flex: '1 1 0', minWidth: 0 }}
              error={rowErrors?.sex?.message}
              data={[
                { value: '', label: t('activities.participants.choose') },
                ...SEXES.map((sex) => ({ value: sex, label: sexLabel(sex, t) })),
              ]}
              {...register(`participants.${index}.sex`)}
            />
            <NativeSelect
              label={t('activities.participants.role')}
              required
              style={{ flex: '1.4 1 0', minWidth: 0 }}
              error={rowErrors?.role?.message}
              data={[
                { value: '', label: t('activities.participants.choose') },
                ...PARTICIPANT_ROLES.map((role) => ({ value: role, label: roleLabel(role, t) })),
              ]}
              {...register(`participants.${index}.role`)}
            />
            <TextInput
              label={t('activities.participants.count')}
              type="number"
              min={1}
              required
              w={84}
              error={rowErrors?.count?.message}
              {...register(`participants.${index}.count`)}
            />
          </>
        );
      }}
    >
      <ParticipantTotals rows={rows} />
    </RepeatingRows>
  );
}

function ParticipantTotals({ rows }: { rows: ParticipantValues[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = participantTotals(rows.map((r) => ({ sex: r.sex, count: countOf(r.count) })));
  const bySex = SEXES.filter((sex) => (totals.bySex.get(sex) ?? 0) > 0).map((sex) =>
    t('activities.participants.sexCount', {
      sex: sexLabel(sex, t),
      count: format.number(totals.bySex.get(sex) ?? 0),
    }),
  );
  return (
    <Text size="sm" fw={600} role="status" aria-live="polite">
      {t('activities.participants.total', { count: format.number(totals.total) })}
      {bySex.length > 0 ? ` (${bySex.join(', ')})` : ''}
    </Text>
  );
}
