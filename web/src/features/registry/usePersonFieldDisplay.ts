import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import { needLabel } from './labels';
import type { PersonField, PersonFormValues } from './personForm';

/** The label of each person field and a readable text of its value, for conflict comparisons. */
export function usePersonFieldDisplay() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = useCallback(
    (field: PersonField): string => {
      switch (field) {
        case 'aliases':
          return t('registry.aliases.legend');
        default:
          return t(`registry.fields.${field}`);
      }
    },
    [t],
  );
  const display = useCallback(
    (field: PersonField, values: PersonFormValues): string => {
      const none = t('common.none');
      switch (field) {
        case 'originalScript':
          return values.originalScript ? t(`registry.scripts.${values.originalScript}`) : none;
        case 'sex':
          return values.sex ? t(`registry.sexes.${values.sex}`) : none;
        case 'birthDatePrecision':
          return t(`registry.precisions.${values.birthDatePrecision}`);
        case 'birthDate':
          return values.birthDate ? format.calendarDate(values.birthDate) : none;
        case 'aliases':
          return values.aliases.length
            ? values.aliases.map((a) => `${a.name} (${t(`registry.scripts.${a.script}`)})`).join(', ')
            : none;
        case 'nationalities':
          return values.nationalities.map((c) => format.country(c)).join(', ') || none;
        case 'languages':
          return values.languages.map((c) => format.language(c)).join(', ') || none;
        case 'countryOfOrigin':
          return values.countryOfOrigin ? format.country(values.countryOfOrigin) : none;
        case 'specificNeeds':
          return values.specificNeeds.map((c) => needLabel(c, i18n.language)).join(', ') || none;
        default:
          return values[field] || none;
      }
    },
    [t, format, i18n.language],
  );
  return { label, display };
}
