import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { type Control, Controller, type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { CodeListInput } from '../../shared/components/CodeListInput';
import { OfficeSelect } from '../../shared/components/OfficeSelect';
import { COUNTRY_CODES } from '../../shared/countries';
import { useFormat } from '../../shared/format/useFormat';
import { LANGUAGE_CODES } from '../../shared/languages';
import { CountrySelect } from '../offices/CountrySelect';
import { useCanIn } from '../referrals/useCanIn';
import { AliasesEditor } from './AliasesEditor';
import { type PersonFormValues, PRECISIONS, SCRIPTS, SEXES } from './personForm';
import { SpecificNeedsInput } from './SpecificNeedsInput';

interface PersonFieldsProps<TOut> {
  control: Control<PersonFormValues, unknown, TOut>;
  register: UseFormRegister<PersonFormValues>;
  errors: FieldErrors<PersonFormValues>;
  /** The offices the person may be registered in; without it there is no office field. */
  offices?: { id: string; name: string }[];
  withNeeds?: boolean;
}

/** The identity fields of a person, shared by the registration and the edit forms. */
export function PersonFields<TOut>({
  control,
  register,
  errors,
  offices,
  withNeeds = false,
}: PersonFieldsProps<TOut>) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCallback((code: string) => format.country(code), [format]);
  const languageName = useCallback((code: string) => format.language(code), [format]);
  const canIn = useCanIn();
  // Trafficking codes are offered for the office the person is being registered in.
  const officeId = useWatch({ control, name: 'officeId' }) as string | undefined;

  return (
    <Stack gap="lg">
      {offices ? (
        <OfficeSelect
          label={t('registry.fields.office')}
          required
          error={errors.officeId?.message}
          emptyLabel={t('registry.fields.chooseOffice')}
          offices={offices}
          {...register('officeId')}
        />
      ) : null}
      <Fieldset legend={t('registry.fields.latinNames')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('registry.fields.givenName')}
            required
            autoComplete="off"
            error={errors.givenName?.message}
            {...register('givenName')}
          />
          <TextInput
            label={t('registry.fields.familyName')}
            required
            autoComplete="off"
            error={errors.familyName?.message}
            {...register('familyName')}
          />
          <TextInput
            label={t('registry.fields.fatherName')}
            autoComplete="off"
            error={errors.fatherName?.message}
            {...register('fatherName')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('registry.fields.originalNames')}>
        <Stack>
          <NativeSelect
            label={t('registry.fields.originalScript')}
            error={errors.originalScript?.message}
            data={[
              { value: '', label: t('registry.fields.chooseScript') },
              ...SCRIPTS.map((s) => ({ value: s, label: t(`registry.scripts.${s}`) })),
            ]}
            maw={280}
            {...register('originalScript')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <AutoDirTextInput
              label={t('registry.fields.givenNameOriginal')}
              autoComplete="off"
              error={errors.givenNameOriginal?.message}
              {...register('givenNameOriginal')}
            />
            <AutoDirTextInput
              label={t('registry.fields.familyNameOriginal')}
              autoComplete="off"
              error={errors.familyNameOriginal?.message}
              {...register('familyNameOriginal')}
            />
            <AutoDirTextInput
              label={t('registry.fields.fatherNameOriginal')}
              autoComplete="off"
              error={errors.fatherNameOriginal?.message}
              {...register('fatherNameOriginal')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <AliasesEditor control={control} register={register} errors={errors.aliases} />
      <Fieldset legend={t('registry.fields.birth')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('registry.fields.sex')}
            required
            error={errors.sex?.message}
            data={[
              { value: '', label: t('registry.fields.chooseSex') },
              ...SEXES.map((s) => ({ value: s, label: t(`registry.sexes.${s}`) })),
            ]}
            {...register('sex')}
          />
          <TextInput
            label={t('registry.fields.birthDate')}
            type="date"
            description={t('registry.fields.birthDateHint')}
            error={errors.birthDate?.message}
            {...register('birthDate')}
          />
          <NativeSelect
            label={t('registry.fields.birthDatePrecision')}
            error={errors.birthDatePrecision?.message}
            data={PRECISIONS.map((p) => ({ value: p, label: t(`registry.precisions.${p}`) }))}
            {...register('birthDatePrecision')}
          />
        </SimpleGrid>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Controller
          control={control}
          name="nationalities"
          render={({ field, fieldState }) => (
            <CodeListInput
              label={t('registry.fields.nationalities')}
              addLabel={t('registry.fields.addNationality')}
              placeholder={t('registry.fields.chooseCountry')}
              name="nationality"
              codes={COUNTRY_CODES}
              labelOf={countryName}
              value={field.value}
              onChange={field.onChange}
              max={5}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field, fieldState }) => (
            <CodeListInput
              label={t('registry.fields.languages')}
              addLabel={t('registry.fields.addLanguage')}
              placeholder={t('registry.fields.chooseLanguage')}
              name="language"
              codes={LANGUAGE_CODES}
              labelOf={languageName}
              value={field.value}
              onChange={field.onChange}
              max={10}
              error={fieldState.error?.message}
            />
          )}
        />
      </SimpleGrid>
      <Fieldset legend={t('registry.fields.origin')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('registry.fields.placeOfOrigin')}
            autoComplete="off"
            error={errors.placeOfOrigin?.message}
            {...register('placeOfOrigin')}
          />
          <CountrySelect
            label={t('registry.fields.countryOfOrigin')}
            error={errors.countryOfOrigin?.message}
            {...register('countryOfOrigin')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('registry.fields.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('registry.fields.phone')}
            type="tel"
            autoComplete="off"
            error={errors.phone?.message}
            {...register('phone')}
          />
          <TextInput
            label={t('registry.fields.email')}
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
          <TextInput
            label={t('registry.fields.address')}
            autoComplete="off"
            error={errors.address?.message}
            {...register('address')}
          />
        </SimpleGrid>
      </Fieldset>
      {withNeeds ? (
        <Controller
          control={control}
          name="specificNeeds"
          render={({ field, fieldState }) => (
            <SpecificNeedsInput
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              withSensitive={canIn('cases.sensitive', officeId)}
            />
          )}
        />
      ) : null}
    </Stack>
  );
}

const FORM_FIELDS = new Set([
  'officeId',
  'givenName',
  'familyName',
  'fatherName',
  'givenNameOriginal',
  'familyNameOriginal',
  'fatherNameOriginal',
  'originalScript',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'nationalities',
  'languages',
  'phone',
  'email',
  'address',
  'placeOfOrigin',
  'countryOfOrigin',
  'specificNeeds',
]);

/** Server error paths the form can show next to a field. */
export function isPersonField(path: string): boolean {
  return FORM_FIELDS.has(path) || /^aliases\.\d+\.(name|script)$/.test(path);
}
