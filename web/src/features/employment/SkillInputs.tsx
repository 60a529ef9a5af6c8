import { useTranslation } from 'react-i18next';
import { CodeListInput } from '../../shared/components/CodeListInput';
import { TagListInput } from '../../shared/components/TagListInput';
import { useFormat } from '../../shared/format/useFormat';
import { LANGUAGE_CODES } from '../../shared/languages';
import { skillTag } from './tags';

interface ListFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The skills of an opening or a skills profile, each normalised into a tag as it is added. */
export function SkillsInput({ value, onChange, error }: ListFieldProps) {
  const { t } = useTranslation();
  return (
    <TagListInput
      label={t('employment.fields.skills')}
      addLabel={t('employment.fields.addSkill')}
      description={t('employment.fields.skillHint')}
      value={value}
      onChange={onChange}
      normalize={skillTag}
      max={40}
      error={error}
    />
  );
}

/** The languages an opening asks for or a person speaks. */
export function LanguagesInput({ value, onChange, error }: ListFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <CodeListInput
      label={t('employment.fields.languages')}
      addLabel={t('employment.fields.addLanguage')}
      placeholder={t('employment.fields.chooseLanguage')}
      codes={LANGUAGE_CODES}
      labelOf={format.language}
      value={value}
      onChange={onChange}
      max={10}
      error={error}
    />
  );
}
