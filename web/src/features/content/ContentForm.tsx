import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
} from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Controller, type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ContentItemSchema, CreateContentSchema } from '../../../../src/modules/content/contract';
import { ApiError } from '../../shared/api/client';
import { conflictCurrent } from '../../shared/components/conflict';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { TagListInput } from '../../shared/components/TagListInput';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useCan } from '../auth/session';
import { useProjects } from '../projects/api';
import { type ContentItem, type CreateContent, contentApi, type Image, useStoreContent } from './api';
import { type ContentConflict, ContentConflictDialog } from './ContentConflictDialog';
import { type DialogRequest, EditorDialogs, EditorDialogsContext } from './editor/InsertDialogs';
import {
  type ContentFormValues,
  changedPaths,
  itemBody,
  NEW_CONTENT,
  normalizeTag,
  toBody,
  toValues,
} from './form';
import { ImagesSection } from './ImagesSection';
import { CONTENT_KINDS, kindLabel, type SiteLang } from './labels';
import { Picture } from './Picture';
import { PublicationFileField } from './PublicationFileField';
import { TranslationFields } from './TranslationFields';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

/** A project page needs its project (the contract leaves it optional for the other kinds). */
const FormSchema = CreateContentSchema.superRefine((body, ctx) => {
  if (body.kind === 'project' && !body.projectId)
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'validation.required' });
});

const TRANSLATION_FIELDS = ['slug', 'title', 'summary', 'bodyHtml'];
const FIELD_PATHS = new Set([
  'kind',
  'projectId',
  'tags',
  'coverImageId',
  'publicationFileId',
  ...['fr', 'en'].flatMap((lang) => TRANSLATION_FIELDS.map((f) => `translations.${lang}.${f}`)),
]);

/** The server names a tag's problem by position (`tags.2`): said on the tags field. */
function onTagsField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((e) => (/^tags\.\d+$/.test(e.path) ? { ...e, path: 'tags' } : e));
  return new ApiError({ ...error.problem, errors }, error.retryAfter);
}

/** The fields another person's save changed, as the server lists them in a 409 (when it does). */
function serverChanged(error: unknown): string[] | null {
  if (!(error instanceof ApiError)) return null;
  const changed = (error.problem as { changed?: unknown }).changed;
  return Array.isArray(changed) && changed.every((c) => typeof c === 'string') ? changed : null;
}

function languagesWithErrors(errors: FieldErrors<ContentFormValues>): SiteLang[] {
  return (['fr', 'en'] as const).filter((lang) => errors.translations?.[lang] !== undefined);
}

interface ContentFormProps {
  /** The saved item; null for a new one. */
  item: ContentItem | null;
  /** Told whether the form holds unsaved changes (the workflow waits for them to be saved). */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The item's fields and its text in French and English. Each save is a new revision of the working draft,
 * based on the version the edits started from: another person's save in the meantime is shown (409), never
 * overwritten without the user's say.
 */
export function ContentForm({ item, onDirtyChange }: ContentFormProps) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const store = useStoreContent();
  const projects = useProjects({ enabled: can('projects.read') });
  /** The version the edits are based on. */
  const [base, setBase] = useState<ContentItem | null>(item);
  const [tab, setTab] = useState<SiteLang>('fr');
  const [conflict, setConflict] = useState<ContentConflict | null>(null);
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const resolver = useMemo(
    () => localizedZodResolver<ContentFormValues, CreateContent>(FormSchema, t, toBody),
    [t],
  );
  const form = useForm<ContentFormValues, unknown, CreateContent>({
    resolver,
    defaultValues: item ? toValues(item) : NEW_CONTENT,
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    getValues,
    setValue,
    formState: { errors, isDirty },
  } = form;
  const kind = useWatch({ control, name: 'kind' });
  const withEnglish = useWatch({ control, name: 'withEnglish' });
  const coverImageId = useWatch({ control, name: 'coverImageId' });
  const images = item?.images ?? null;
  const published = item?.publishedRevision !== null && item?.publishedRevision !== undefined;

  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => {
    if (!withEnglish && tab === 'en') setTab('fr');
  }, [withEnglish, tab]);

  // The item was read again (an image added, a workflow step, another person's save): without edits the form
  // shows it; with edits, it moves to the new version only if the fields it edits did not change.
  useEffect(() => {
    if (!item || !base || item.version <= base.version) return;
    if (!isDirty) {
      setBase(item);
      reset(toValues(item));
    } else if (changedPaths(itemBody(base), itemBody(item)).length === 0) {
      setBase(item);
    }
  }, [item, base, isDirty, reset]);

  const save = useFormMutation<
    ContentFormValues,
    { body: CreateContent; version: number | null },
    ContentItem
  >({
    setError,
    isField: (path) => FIELD_PATHS.has(path),
    mutationFn: ({ body, version }) =>
      item && version !== null ? contentApi.save(item.id, { ...body, version }) : contentApi.create(body),
    successMessage: (saved) =>
      item ? t('content.editor.saved', { revision: saved.revision }) : t('content.editor.created'),
    onSaved: (saved) => {
      setConflict(null);
      setBase(saved);
      reset(toValues(saved));
      store(saved);
      if (!item) void navigate(`/content/${saved.id}`, { replace: true });
    },
    recover: (error) => {
      const current = conflictCurrent(error, ContentItemSchema);
      if (!current || !base) return false;
      const mine = toBody(getValues());
      const opened = itemBody(base);
      const theirs = itemBody(current);
      setConflict({
        current,
        theirs,
        mine,
        base: opened,
        changed: serverChanged(error) ?? changedPaths(opened, theirs),
        edited: changedPaths(opened, mine),
      });
      return true;
    },
    localizeError: onTagsField,
    onError: (error) => {
      setConflict(null);
      const first = error instanceof ApiError ? error.problem.errors?.[0]?.path : undefined;
      const lang = /^translations\.(fr|en)\./.exec(first ?? '')?.[1] as SiteLang | undefined;
      if (lang) setTab(lang);
    },
  });

  const guard = useUnsavedChangesGuard(isDirty && !save.isPending);

  const submit = handleSubmit(
    (body) => save.submit({ body, version: base?.version ?? null }),
    (invalid) => {
      const langs = languagesWithErrors(invalid);
      if (langs.length > 0 && !langs.includes(tab)) setTab(langs[0] as SiteLang);
    },
  );

  const withErrors = languagesWithErrors(errors);
  /** A tab whose fields have errors says so: an icon, and in its name for assistive technology. */
  const languageTab = (lang: SiteLang) => {
    const language = t(`content.languages.${lang}`);
    const invalid = withErrors.includes(lang);
    return (
      <Tabs.Tab
        value={lang}
        aria-label={invalid ? `${language} ${t('content.editor.tabHasErrors')}` : undefined}
        leftSection={
          invalid ? <IconAlertCircle size={16} color="var(--mantine-color-error)" aria-hidden /> : null
        }
      >
        {language}
      </Tabs.Tab>
    );
  };

  const usedIn = (image: Image): string[] => {
    const values = getValues();
    const places: string[] = [];
    if (values.coverImageId === image.id) places.push(t('content.fields.coverImageId'));
    for (const lang of ['fr', 'en'] as const)
      if (values.translations[lang].bodyHtml.includes(image.url))
        places.push(t('content.fields.bodyIn', { language: t(`content.languages.${lang}`) }));
    return places;
  };
  const cover = images?.find((i) => i.id === coverImageId) ?? null;

  return (
    <Stack>
      <EditorDialogsContext.Provider value={setDialog}>
        <form noValidate onSubmit={submit} aria-label={t('content.editor.formLabel')}>
          <Stack>
            <FormErrorAlert error={save.formError} />
            <Paper withBorder p="lg">
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={t('content.fields.kind')}
                    required
                    error={errors.kind?.message}
                    data={CONTENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) }))}
                    {...register('kind')}
                  />
                  <NativeSelect
                    label={t('content.fields.projectId')}
                    description={
                      kind === 'project'
                        ? t('content.fields.projectRequired')
                        : t('content.fields.projectOptional')
                    }
                    required={kind === 'project'}
                    error={errors.projectId?.message}
                    data={[
                      { value: '', label: t('content.fields.noProject') },
                      ...(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` })),
                    ]}
                    {...register('projectId')}
                  />
                </SimpleGrid>
                <Controller
                  control={control}
                  name="tags"
                  render={({ field }) => (
                    <TagListInput
                      label={t('content.fields.tags')}
                      addLabel={t('content.fields.addTag')}
                      description={t('content.fields.tagsHint')}
                      value={field.value}
                      onChange={field.onChange}
                      normalize={normalizeTag}
                      max={10}
                      error={
                        errors.tags?.message ??
                        (Array.isArray(errors.tags)
                          ? errors.tags.find((e) => e?.message)?.message
                          : undefined)
                      }
                    />
                  )}
                />
                <Group align="flex-end" gap="md">
                  <NativeSelect
                    label={t('content.fields.coverImageId')}
                    description={images ? t('content.fields.coverHint') : t('content.images.saveFirst')}
                    disabled={!images || images.length === 0}
                    error={errors.coverImageId?.message}
                    style={{ flex: 1, minWidth: 240 }}
                    data={[
                      { value: '', label: t('content.fields.noCover') },
                      ...(images ?? []).map((image) => ({ value: image.id, label: image.alt.fr })),
                    ]}
                    {...register('coverImageId')}
                  />
                  {cover ? <Picture src={cover.url} alt="" width={120} height={72} /> : null}
                </Group>
                {kind === 'publication' ? (
                  <Controller
                    control={control}
                    name="publicationFileId"
                    render={({ field }) => (
                      <PublicationFileField
                        item={item}
                        value={field.value}
                        onChange={(id) => field.onChange(id)}
                        error={errors.publicationFileId?.message}
                      />
                    )}
                  />
                ) : null}
                <Controller
                  control={control}
                  name="withEnglish"
                  render={({ field }) => (
                    <Switch
                      label={t('content.fields.withEnglish')}
                      description={
                        !field.value && item?.translations.en
                          ? t('content.fields.englishRemoved')
                          : t('content.fields.withEnglishHint')
                      }
                      checked={field.value}
                      onChange={(event) => field.onChange(event.currentTarget.checked)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                  )}
                />
              </Stack>
            </Paper>
            <Tabs value={tab} onChange={(value) => setTab((value as SiteLang | null) ?? 'fr')} keepMounted>
              <Tabs.List aria-label={t('content.editor.languages')}>
                {languageTab('fr')}
                {withEnglish ? languageTab('en') : null}
              </Tabs.List>
              <Tabs.Panel value="fr" pt="md">
                <TranslationFields lang="fr" form={form} published={published} />
              </Tabs.Panel>
              {withEnglish ? (
                <Tabs.Panel value="en" pt="md">
                  <TranslationFields lang="en" form={form} published={published} />
                </Tabs.Panel>
              ) : null}
            </Tabs>
            {isDirty ? (
              <Alert variant="light" color="blue" role="status">
                {t('content.editor.unsaved')}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={save.isPending}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {item ? t('content.editor.save') : t('content.editor.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </EditorDialogsContext.Provider>
      <EditorDialogs request={dialog} images={images} onClose={() => setDialog(null)} />
      <ImagesSection
        item={item}
        english={withEnglish}
        usedIn={usedIn}
        onDeleted={(image) => {
          if (getValues('coverImageId') === image.id) setValue('coverImageId', '', { shouldDirty: true });
        }}
      />
      <ContentConflictDialog
        conflict={conflict}
        saving={save.isPending}
        onClose={() => setConflict(null)}
        onReload={() => {
          if (!conflict) return;
          setBase(conflict.current);
          reset(toValues(conflict.current));
          store(conflict.current);
          setConflict(null);
        }}
        onOverwrite={() => {
          if (!conflict) return;
          setBase(conflict.current);
          save.submit({ body: conflict.mine, version: conflict.current.version });
        }}
      />
      {guard}
      {item ? null : (
        <Text size="sm" c="dimmed">
          {t('content.editor.newHint')}
        </Text>
      )}
    </Stack>
  );
}
