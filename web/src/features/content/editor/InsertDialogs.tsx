/** The editor's dialogs that insert something: a link, one of the item's images, a live figure. */
import { Alert, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { createContext, type FormEvent, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../shared/components/AppModal';
import { ModalForm } from '../../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../../shared/components/QueryStates';
import { type Image as ContentImage, useFigures } from '../api';
import type { SiteLang } from '../labels';
import { Picture } from '../Picture';

/** The addresses a link may have: web pages (http, https) and e-mail (mailto). */
export function isSafeHref(href: string): boolean {
  const value = href.trim();
  if (!value || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.length > 0;
    if (url.protocol === 'mailto:') return /^[^@]+@[^@]+\.[^@]+$/.test(decodeURIComponent(url.pathname));
    return false;
  } catch {
    return false;
  }
}

/** What a body's toolbar asks for: a dialog that inserts into that editor, in that language. */
export interface DialogRequest {
  kind: 'link' | 'image' | 'figure';
  editor: Editor;
  lang: SiteLang;
}

/**
 * The dialogs are rendered by the page, outside the content form (a form may not hold another, even through
 * a portal); the toolbar asks for them through this context.
 */
export const EditorDialogsContext = createContext<(request: DialogRequest) => void>(() => undefined);

export function useEditorDialogs(): (request: DialogRequest) => void {
  return useContext(EditorDialogsContext);
}

/** The dialog a toolbar asked for, if any. */
export function EditorDialogs({
  request,
  images,
  onClose,
}: {
  request: DialogRequest | null;
  /** The item's images; null before its first save. */
  images: ContentImage[] | null;
  onClose: () => void;
}) {
  if (!request) return null;
  const { kind, editor, lang } = request;
  return (
    <>
      <LinkDialog editor={editor} opened={kind === 'link'} onClose={onClose} />
      <ImageDialog editor={editor} lang={lang} images={images} opened={kind === 'image'} onClose={onClose} />
      <FigureDialog editor={editor} lang={lang} opened={kind === 'figure'} onClose={onClose} />
    </>
  );
}

interface DialogProps {
  editor: Editor;
  opened: boolean;
  onClose: () => void;
}

/** Adds or changes the link on the selected text, or inserts the address as a link. */
export function LinkDialog({ editor, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('content.editor.link.title')} size="md">
      {opened ? <LinkForm editor={editor} onClose={onClose} /> : null}
    </AppModal>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const [href, setHref] = useState<string>(() => String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState<string | null>(null);
  const selectionEmpty = editor.state.selection.empty && !editor.isActive('link');
  const [text, setText] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const address = href.trim();
    if (!address) return setError(t('validation.required'));
    if (!isSafeHref(address)) return setError(t('content.editor.link.invalid'));
    const chain = editor.chain().focus();
    if (selectionEmpty) {
      const label = text.trim() || address;
      chain
        .insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href: address } }] })
        .run();
    } else {
      chain.extendMarkRange('link').setLink({ href: address }).run();
    }
    onClose();
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={null}
      onCancel={onClose}
      loading={false}
      submitLabel={t('content.editor.link.submit')}
    >
      <TextInput
        label={t('content.editor.link.href')}
        description={t('content.editor.link.hint')}
        required
        data-autofocus
        inputMode="url"
        autoComplete="off"
        value={href}
        error={error}
        onChange={(event) => {
          setHref(event.currentTarget.value);
          setError(null);
        }}
      />
      {selectionEmpty ? (
        <TextInput
          label={t('content.editor.link.text')}
          description={t('content.editor.link.textHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      ) : null}
    </ModalForm>
  );
}

/** Inserts one of the item's uploaded images, with its alt text in the language being written. */
export function ImageDialog({
  editor,
  lang,
  images,
  opened,
  onClose,
}: DialogProps & { lang: SiteLang; images: ContentImage[] | null }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('content.editor.image.title')} size="lg">
      {opened ? <ImageForm editor={editor} lang={lang} images={images} onClose={onClose} /> : null}
    </AppModal>
  );
}

function ImageForm({
  editor,
  lang,
  images,
  onClose,
}: {
  editor: Editor;
  lang: SiteLang;
  images: ContentImage[] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (images === null || images.length === 0)
    return (
      <Stack>
        <Text>{images === null ? t('content.images.saveFirst') : t('content.editor.image.none')}</Text>
      </Stack>
    );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const image = images.find((i) => i.id === chosen);
    if (!image) return setError(t('content.editor.image.choose'));
    const alt = image.alt[lang];
    if (!alt) return setError(t('content.editor.image.noAlt'));
    editor.chain().focus().setImage({ src: image.url, alt }).run();
    onClose();
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={null}
      onCancel={onClose}
      loading={false}
      submitLabel={t('content.editor.image.submit')}
    >
      <Radio.Group
        label={t('content.editor.image.pick')}
        value={chosen}
        error={error}
        onChange={(value) => {
          setChosen(value);
          setError(null);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {images.map((image) => {
            const alt = image.alt[lang];
            return (
              <Radio
                key={image.id}
                value={image.id}
                label={
                  <Stack gap={4}>
                    <Picture src={image.url} alt="" width={160} height={100} />
                    <Text size="sm">
                      {alt ?? t('content.images.noAltIn', { language: t(`content.languages.${lang}`) })}
                    </Text>
                  </Stack>
                }
              />
            );
          })}
        </SimpleGrid>
      </Radio.Group>
    </ModalForm>
  );
}

/** Inserts a live figure chosen from the public ones of the reporting catalogue. */
export function FigureDialog({ editor, lang, opened, onClose }: DialogProps & { lang: SiteLang }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('content.figures.title')} size="lg">
      {opened ? <FigureForm editor={editor} lang={lang} onClose={onClose} /> : null}
    </AppModal>
  );
}

function FigureForm({ editor, lang, onClose }: { editor: Editor; lang: SiteLang; onClose: () => void }) {
  const { t } = useTranslation();
  const figures = useFigures();
  const [ref, setRef] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (figures.isPending) return <LoadingState />;
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  if (figures.data.length === 0) return <Text>{t('content.figures.none')}</Text>;
  const projects = [...new Set(figures.data.map((f) => f.projectCode))];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (!ref) return setError(t('validation.required'));
    editor.chain().focus().insertLiveFigure(ref).run();
    onClose();
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={null}
      onCancel={onClose}
      loading={false}
      submitLabel={t('content.figures.submit')}
    >
      <Text size="sm">{t('content.figures.intro')}</Text>
      <NativeSelect
        label={t('content.figures.pick')}
        required
        data-autofocus
        value={ref}
        error={error}
        onChange={(event) => {
          setRef(event.currentTarget.value);
          setError(null);
        }}
        data={[
          { value: '', label: t('content.figures.choose') },
          ...projects.map((code) => ({
            group: code,
            items: figures.data
              .filter((f) => f.projectCode === code)
              .map((f) => ({ value: f.ref, label: f.label[lang] })),
          })),
        ]}
      />
      <Alert variant="light" color="blue">
        {t('content.figures.suppression')}
      </Alert>
    </ModalForm>
  );
}
