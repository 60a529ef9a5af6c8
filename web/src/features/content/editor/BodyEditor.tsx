import '@mantine/tiptap/styles.css';
import './editor.css';
import { Input, Stack, Text } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { IconChartBar, IconLink, IconPhoto } from '@tabler/icons-react';
import Image from '@tiptap/extension-image';
import { Extension, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteLang } from '../labels';
import { isSafeHref, useEditorDialogs } from './InsertDialogs';
import { LiveFigure } from './liveFigure';

interface BodyEditorProps {
  lang: SiteLang;
  /** The body as HTML ('' when empty). */
  value: string;
  onChange: (html: string) => void;
  onBlur?: () => void;
  error?: string;
}

function useEditorLabels(): Partial<RichTextEditorLabels> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      h2ControlLabel: t('content.editor.controls.h2'),
      h3ControlLabel: t('content.editor.controls.h3'),
      h4ControlLabel: t('content.editor.controls.h4'),
      boldControlLabel: t('content.editor.controls.bold'),
      italicControlLabel: t('content.editor.controls.italic'),
      underlineControlLabel: t('content.editor.controls.underline'),
      strikeControlLabel: t('content.editor.controls.strike'),
      clearFormattingControlLabel: t('content.editor.controls.clearFormatting'),
      bulletListControlLabel: t('content.editor.controls.bulletList'),
      orderedListControlLabel: t('content.editor.controls.orderedList'),
      blockquoteControlLabel: t('content.editor.controls.blockquote'),
      unlinkControlLabel: t('content.editor.controls.unlink'),
      undoControlLabel: t('content.editor.controls.undo'),
      redoControlLabel: t('content.editor.controls.redo'),
    }),
    [t],
  );
}

/** What the editor holds, as the form keeps it: '' when there is no text at all. */
function htmlOf(editor: { isEmpty: boolean; getHTML: () => string }): string {
  return editor.isEmpty ? '' : editor.getHTML();
}

/**
 * The body of one language in Mantine's rich-text editor: headings h2–h4, emphasis, lists, quotes, links
 * (http, https, mailto), the item's images and live figures. What it produces is only a proposal: the server
 * keeps the safe subset.
 */
export function BodyEditor({ lang, value, onChange, onBlur, error }: BodyEditorProps) {
  const { t } = useTranslation();
  const labels = useEditorLabels();
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const openDialog = useEditorDialogs();
  /** The HTML the editor last reported: a new `value` from outside (reset, reload) replaces the content. */
  const reported = useRef(value);
  const change = useRef(onChange);
  change.current = onChange;
  const blur = useRef(onBlur);
  blur.current = onBlur;
  /** Ctrl+K (⌘K) opens the link dialog, as in most editors. */
  const openLink = useRef<() => void>(() => undefined);

  const extensions = useMemo(
    () => [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          // Where a link opens and what it tells the page it leads to are the site's rules, not the writer's.
          HTMLAttributes: { target: null, rel: null },
          autolink: true,
          defaultProtocol: 'https',
          isAllowedUri: (url) => isSafeHref(url),
          shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
        },
      }),
      Image.configure({ inline: false, allowBase64: false }),
      LiveFigure.configure({ lang }),
      Extension.create({
        name: 'linkDialogShortcut',
        addKeyboardShortcuts: () => ({
          'Mod-k': () => {
            openLink.current();
            return true;
          },
        }),
      }),
    ],
    [lang],
  );

  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const editor = useEditor(
    {
      extensions,
      content: value,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': describedBy,
          ...(error ? { 'aria-invalid': 'true' } : {}),
          lang,
        },
      },
      onUpdate: ({ editor }) => {
        const html = htmlOf(editor);
        reported.current = html;
        change.current(html);
      },
      onBlur: () => blur.current?.(),
    },
    [extensions],
  );

  openLink.current = () => {
    if (editor) openDialog({ kind: 'link', editor, lang });
  };

  // The form was reset (saved, reloaded, restored): show what it now holds, without reporting it back.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === reported.current) return;
    reported.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  // The error came or went: the editable region says so to assistive technology.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': describedBy,
          ...(error ? { 'aria-invalid': 'true' } : {}),
          lang,
        },
      },
    });
  }, [editor, error, describedBy, labelId, lang]);

  const language = t(`content.languages.${lang}`);
  return (
    <Stack gap={4}>
      <Text id={labelId} component="span" size="sm" fw={500}>
        {t('content.fields.bodyIn', { language })}
      </Text>
      <Text id={hintId} size="xs" c="dimmed">
        {t('content.editor.hint')}
      </Text>
      <RichTextEditor editor={editor} labels={labels}>
        <RichTextEditor.Toolbar role="toolbar" aria-label={t('content.editor.toolbar', { language })}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Control
              aria-label={t('content.editor.controls.link')}
              aria-keyshortcuts="Control+K Meta+K"
              title={t('content.editor.controls.linkShortcut')}
              onClick={() => editor && openDialog({ kind: 'link', editor, lang })}
            >
              <IconLink size={16} stroke={1.5} aria-hidden />
            </RichTextEditor.Control>
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Control
              aria-label={t('content.editor.controls.image')}
              title={t('content.editor.controls.image')}
              onClick={() => editor && openDialog({ kind: 'image', editor, lang })}
            >
              <IconPhoto size={16} stroke={1.5} aria-hidden />
            </RichTextEditor.Control>
            <RichTextEditor.Control
              aria-label={t('content.editor.controls.figure')}
              title={t('content.editor.controls.figure')}
              onClick={() => editor && openDialog({ kind: 'figure', editor, lang })}
            >
              <IconChartBar size={16} stroke={1.5} aria-hidden />
            </RichTextEditor.Control>
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
      {error ? <Input.Error id={errorId}>{error}</Input.Error> : null}
    </Stack>
  );
}
