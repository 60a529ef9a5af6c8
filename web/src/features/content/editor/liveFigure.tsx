/**
 * A live figure in an article's body: `<span data-figure="CARE/persons_assisted"></span>`, which the site fills
 * with the current (suppressed) value. In the editor it is one inline, atomic piece shown as a label, so that
 * it is moved or deleted whole and its reference is never half-typed.
 */
import { Node, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react';
import { type ComponentProps, forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FIGURE_REF } from '../../../../../src/modules/content/contract';
import { useFigures } from '../api';
import type { SiteLang } from '../labels';

export interface LiveFigureOptions {
  /** The language of the text being written: the label is shown in it. */
  lang: SiteLang;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    liveFigure: {
      /** Inserts the live figure `ref` (e.g. `CARE/persons_assisted`) at the cursor. */
      insertLiveFigure: (ref: string) => ReturnType;
    };
  }
}

/** The label of a figure in a language, or its reference when the catalogue does not list it (any more). */
export function useFigureLabel(lang: SiteLang): (ref: string) => string {
  const figures = useFigures();
  return (ref: string) => figures.data?.find((f) => f.ref === ref)?.label[lang] ?? ref;
}

/** The wrapper's element: a span (TipTap's wrapper hands its `as` on to the element, which drops it here). */
const Chip = forwardRef<HTMLSpanElement, ComponentProps<'span'> & { as?: unknown }>(function Chip(
  { as: _as, ...props },
  ref,
) {
  return <span ref={ref} {...props} />;
});

function FigureChip({ node, extension, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const lang = (extension.options as LiveFigureOptions).lang;
  const label = useFigureLabel(lang);
  const ref = String(node.attrs.ref ?? '');
  return (
    <NodeViewWrapper
      as={Chip}
      className="content-live-figure"
      data-selected={selected || undefined}
      title={ref}
    >
      {t('content.figures.chip', { label: label(ref) })}
    </NodeViewWrapper>
  );
}

export const LiveFigure = Node.create<LiveFigureOptions>({
  name: 'liveFigure',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { lang: 'fr' };
  },

  addAttributes() {
    return {
      ref: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-figure'),
        renderHTML: (attributes) => ({ 'data-figure': attributes.ref }),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'span[data-figure]',
        // A reference the contract would refuse is not a figure: the span is dropped (its text kept).
        getAttrs: (element) => (FIGURE_REF.test(element.getAttribute('data-figure') ?? '') ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { 'data-figure': HTMLAttributes['data-figure'] }];
  },

  renderText({ node }) {
    return `[${String(node.attrs.ref)}]`;
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureChip, { as: 'span' });
  },

  addCommands() {
    return {
      insertLiveFigure:
        (ref: string) =>
        ({ commands }) =>
          FIGURE_REF.test(ref) ? commands.insertContent({ type: this.name, attrs: { ref } }) : false,
    };
  },
});
