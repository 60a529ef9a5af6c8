import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../src/platform/contract';
import { currentLanguage, isLocale, setLanguage } from '../../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      name="language"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void setLanguage(value);
      }}
      w={110}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.${locale}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
