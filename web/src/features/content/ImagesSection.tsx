import { Button, Group, Input, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { ModalForm } from '../../shared/components/ModalForm';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { type ContentItem, contentApi, type Image, type ImageAlt, useRefreshContent } from './api';
import { Picture } from './Picture';

const ACCEPT = 'image/jpeg,image/png,image/webp';

interface ImagesSectionProps {
  /** The saved item; null before its first save. */
  item: ContentItem | null;
  /** The item is written in English too: its images need English alt text as well. */
  english: boolean;
  /** Where an image is used (cover, bodies), to say so before it is deleted. */
  usedIn: (image: Image) => string[];
  /** After an image is deleted (e.g. to stop using it as the cover). */
  onDeleted: (image: Image) => void;
}

/** The item's images: uploaded with alt text in each written language, shown, their alt text changed, deleted. */
export function ImagesSection({ item, english, usedIn, onDeleted }: ImagesSectionProps) {
  const { t, i18n } = useTranslation();
  /** An image's alt text in the UI language when it has one. */
  const altIn = (image: Image) => (i18n.language === 'en' ? image.alt.en : null) ?? image.alt.fr;
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<Image | null>(null);
  const [deleting, setDeleting] = useState<Image | null>(null);
  return (
    <Section
      id="content-images"
      title={t('content.images.title')}
      actions={
        item ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setUploading(true)}
          >
            {t('content.images.upload')}
          </Button>
        ) : null
      }
    >
      {!item ? (
        <Text>{t('content.images.saveFirst')}</Text>
      ) : item.images.length === 0 ? (
        <Text>{t('content.images.empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {item.images.map((image) => (
            <Paper component="li" key={image.id} withBorder p="sm">
              <Picture src={image.url} alt={altIn(image)} width="100%" height={140} />
              <Stack gap={4} mt="sm">
                <DescriptionList
                  items={[
                    { term: t('content.images.altFr'), description: <span lang="fr">{image.alt.fr}</span> },
                    {
                      term: t('content.images.altEn'),
                      description: image.alt.en ? <span lang="en">{image.alt.en}</span> : t('common.none'),
                    },
                  ]}
                />
                <ImageSize image={image} />
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('content.images.editAltOf', { alt: altIn(image) })}
                    onClick={() => setEditing(image)}
                  >
                    {t('content.images.editAlt')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('content.images.deleteOf', { alt: altIn(image) })}
                    onClick={() => setDeleting(image)}
                  >
                    {t('common.remove')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {item ? (
        <>
          <UploadImageModal
            item={item}
            english={english}
            opened={uploading}
            onClose={() => setUploading(false)}
          />
          <EditAltModal item={item} english={english} image={editing} onClose={() => setEditing(null)} />
          <DeleteImageModal
            item={item}
            image={deleting}
            usedIn={deleting ? usedIn(deleting) : []}
            onClose={() => setDeleting(null)}
            onDeleted={onDeleted}
          />
        </>
      ) : null}
    </Section>
  );
}

function ImageSize({ image }: { image: Image }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed">
      {t('content.images.size', { width: format.number(image.width), height: format.number(image.height) })}
    </Text>
  );
}

interface AltValues {
  altFr: string;
  altEn: string;
}

function checkAlt(values: AltValues, english: boolean, t: (key: 'validation.required') => string) {
  const errors: Partial<Record<keyof AltValues, string>> = {};
  if (!values.altFr.trim()) errors.altFr = t('validation.required');
  if (english && !values.altEn.trim()) errors.altEn = t('validation.required');
  return errors;
}

function toAlt(values: AltValues): ImageAlt {
  const altEn = values.altEn.trim();
  return { altFr: values.altFr.trim(), ...(altEn ? { altEn } : {}) };
}

function AltFields({
  values,
  errors,
  english,
  onChange,
}: {
  values: AltValues;
  errors: Partial<Record<keyof AltValues, string>>;
  english: boolean;
  onChange: (values: AltValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('content.images.altFr')}
        description={t('content.images.altHint')}
        required
        lang="fr"
        value={values.altFr}
        error={errors.altFr}
        onChange={(event) => onChange({ ...values, altFr: event.currentTarget.value })}
      />
      <TextInput
        label={t('content.images.altEn')}
        description={english ? undefined : t('content.images.altEnOptional')}
        required={english}
        lang="en"
        value={values.altEn}
        error={errors.altEn}
        onChange={(event) => onChange({ ...values, altEn: event.currentTarget.value })}
      />
    </>
  );
}

function UploadImageModal({
  item,
  english,
  opened,
  onClose,
}: {
  item: ContentItem;
  english: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('content.images.uploadTitle')} size="lg">
      {opened ? <UploadImageForm item={item} english={english} onClose={onClose} /> : null}
    </AppModal>
  );
}

function UploadImageForm({
  item,
  english,
  onClose,
}: {
  item: ContentItem;
  english: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshContent();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [values, setValues] = useState<AltValues>({ altFr: '', altEn: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof AltValues, string>>>({});
  const save = useFormMutation<AltValues, { file: File; alt: ImageAlt }, Image>({
    mutationFn: ({ file: chosen, alt }) => contentApi.uploadImage(item.id, chosen, alt),
    successMessage: () => t('content.images.uploaded'),
    onSaved: onClose,
    refresh: () => refresh(item.id),
  });
  useEffect(() => {
    if (!file || typeof URL.createObjectURL !== 'function') return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const found = checkAlt(values, english, t);
    setErrors(found);
    const missingFile = !file;
    const wrongType = file !== null && !ACCEPT.split(',').includes(file.type);
    setFileError(
      missingFile ? t('content.images.fileRequired') : wrongType ? t('content.images.wrongType') : null,
    );
    if (!file || wrongType || Object.keys(found).length > 0) return;
    save.submit({ file, alt: toAlt(values) });
  };
  const describedBy = fileError ? `${hintId} ${errorId}` : hintId;
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('content.images.uploadSubmit')}
    >
      <Input.Wrapper
        label={t('content.images.file')}
        description={t('content.images.fileHint')}
        required
        error={fileError}
        labelProps={{ htmlFor: inputId }}
        descriptionProps={{ id: hintId }}
        errorProps={{ id: errorId }}
      >
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          required
          aria-describedby={describedBy}
          aria-invalid={fileError ? true : undefined}
          style={{ display: 'block', marginTop: 4 }}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setFileError(null);
          }}
        />
      </Input.Wrapper>
      {preview ? (
        <Picture
          src={preview}
          alt={values.altFr || t('content.images.preview')}
          maxHeight={220}
          fit="contain"
        />
      ) : null}
      <AltFields
        values={values}
        errors={errors}
        english={english}
        onChange={(next) => {
          setValues(next);
          setErrors({});
        }}
      />
    </ModalForm>
  );
}

function EditAltModal({
  item,
  english,
  image,
  onClose,
}: {
  item: ContentItem;
  english: boolean;
  image: Image | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={image !== null} onClose={onClose} title={t('content.images.editAltTitle')} size="lg">
      {image ? <EditAltForm item={item} english={english} image={image} onClose={onClose} /> : null}
    </AppModal>
  );
}

function EditAltForm({
  item,
  english,
  image,
  onClose,
}: {
  item: ContentItem;
  english: boolean;
  image: Image;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshContent();
  const [values, setValues] = useState<AltValues>({ altFr: image.alt.fr, altEn: image.alt.en ?? '' });
  const [errors, setErrors] = useState<Partial<Record<keyof AltValues, string>>>({});
  const save = useFormMutation<AltValues, ImageAlt, Image>({
    mutationFn: (alt) => contentApi.updateImageAlt(item.id, image.id, alt),
    successMessage: () => t('content.images.altSaved'),
    onSaved: onClose,
    refresh: () => refresh(item.id),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const found = checkAlt(values, english, t);
    setErrors(found);
    if (Object.keys(found).length === 0) save.submit(toAlt(values));
  };
  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <Picture src={image.url} alt="" maxHeight={160} fit="contain" />
      <AltFields values={values} errors={errors} english={english} onChange={setValues} />
    </ModalForm>
  );
}

function DeleteImageModal({
  item,
  image,
  usedIn,
  onClose,
  onDeleted,
}: {
  item: ContentItem;
  image: Image | null;
  usedIn: string[];
  onClose: () => void;
  onDeleted: (image: Image) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshContent();
  const remove = useActionMutation({
    showError: 'inline',
    mutationFn: (chosen: Image) => contentApi.deleteImage(item.id, chosen.id),
    successMessage: () => t('content.images.deleted'),
    onSaved: (_saved, chosen) => {
      onDeleted(chosen);
      onClose();
    },
    refresh: () => refresh(item.id),
  });
  return (
    <ConfirmModal
      opened={image !== null}
      title={t('content.images.deleteTitle')}
      message={
        <>
          {t('content.images.deleteMessage', { alt: image?.alt.fr ?? '' })}
          {usedIn.length > 0 ? ` ${t('content.images.deleteUsed', { places: usedIn.join(', ') })}` : ''}
        </>
      }
      confirmLabel={t('common.remove')}
      danger
      loading={remove.isPending}
      error={<FormErrorAlert error={remove.formError} />}
      onConfirm={() => image && remove.run(image)}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    />
  );
}
