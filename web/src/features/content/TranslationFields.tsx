import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { lazy, Suspense, useRef } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../shared/components/QueryStates';
import type { CreateContent } from './api';
import { type ContentFormValues, slugify } from './form';
import type { SiteLang } from './labels';

const BodyEditor = lazy(() => import('./editor/BodyEditor').then((m) => ({ default: m.BodyEditor })));

interface TranslationFieldsProps {
  lang: SiteLang;
  form: UseFormReturn<ContentFormValues, unknown, CreateContent>;
  /** The item has been on the site: changing its address leaves a redirect from the former one. */
  published: boolean;
}

/** One language's title, address (slug), summary and body. */
export function TranslationFields({ lang, form, published }: TranslationFieldsProps) {
  const { t } = useTranslation();
  const {
    register,
    control,
    getValues,
    setValue,
    formState: { errors },
  } = form;
  const fieldErrors = errors.translations?.[lang];
  /** The title the slug was last proposed from: while the slug is still that proposal, it follows the title. */
  const proposedFrom = useRef(getValues(`translations.${lang}.title`));
  const language = t(`content.languages.${lang}`);

  /**
   * A translation without a saved address gets one proposed as its title is typed, until the address is
   * edited by hand. A saved address stays as it is (the "propose" button offers a new one).
   */
  const propose = (title: string) => {
    const saved = form.formState.defaultValues?.translations?.[lang]?.slug ?? '';
    const slug = getValues(`translations.${lang}.slug`);
    const following = saved === '' && (slug === '' || slug === slugify(proposedFrom.current));
    proposedFrom.current = title;
    if (following)
      setValue(`translations.${lang}.slug`, slugify(title), { shouldDirty: true, shouldValidate: false });
  };

  return (
    <Stack lang={lang}>
      <TextInput
        label={t('content.fields.titleIn', { language })}
        required
        lang={lang}
        error={fieldErrors?.title?.message}
        {...register(`translations.${lang}.title`, { onChange: (event) => propose(event.target.value) })}
      />
      <Stack gap={4} align="flex-start">
        <TextInput
          w="100%"
          label={t('content.fields.slugIn', { language })}
          description={published ? t('content.fields.slugPublishedHint') : t('content.fields.slugHint')}
          required
          autoComplete="off"
          spellCheck={false}
          error={fieldErrors?.slug?.message}
          {...register(`translations.${lang}.slug`)}
        />
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            const title = getValues(`translations.${lang}.title`);
            proposedFrom.current = title;
            setValue(`translations.${lang}.slug`, slugify(title), {
              shouldDirty: true,
              shouldValidate: true,
            });
          }}
        >
          {t('content.fields.proposeSlug', { language })}
        </Button>
      </Stack>
      <Textarea
        label={t('content.fields.summaryIn', { language })}
        description={t('content.fields.summaryHint')}
        autosize
        minRows={2}
        maxRows={6}
        lang={lang}
        error={fieldErrors?.summary?.message}
        {...register(`translations.${lang}.summary`)}
      />
      <Suspense fallback={<LoadingState />}>
        <Controller
          control={control}
          name={`translations.${lang}.bodyHtml`}
          render={({ field }) => (
            <BodyEditor
              lang={lang}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldErrors?.bodyHtml?.message}
            />
          )}
        />
      </Suspense>
    </Stack>
  );
}
