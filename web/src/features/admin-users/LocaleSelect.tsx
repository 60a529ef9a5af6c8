import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../src/platform/contract';

export function LocaleSelect(props: Omit<NativeSelectProps, 'data' | 'children'>) {
  const { t } = useTranslation();
  return (
    <NativeSelect {...props}>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.${locale}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
