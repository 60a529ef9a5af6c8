import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../shared/countries';
import { useFormat } from '../../shared/format/useFormat';

/** Countries by their name in the UI language; the value is the ISO code the API expects. */
export function CountrySelect({
  emptyLabel,
  ...props
}: Omit<NativeSelectProps, 'data' | 'children'> & {
  /** The label of the "no country" option; "Choose a country" by default. */
  emptyLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [format, i18n.language]);
  return (
    <NativeSelect {...props}>
      <option value="">{emptyLabel ?? t('offices.fields.chooseCountry')}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </NativeSelect>
  );
}
