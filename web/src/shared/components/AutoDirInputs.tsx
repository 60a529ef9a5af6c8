import { Textarea, type TextareaProps, TextInput, type TextInputProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { forwardRef } from 'react';

/** Mantine puts `dir` on the input's wrapper; the field itself needs it to follow what is typed. */
function setAutoDir(element: HTMLElement | null) {
  element?.setAttribute('dir', 'auto');
}

/**
 * A text input whose direction follows its content (`dir="auto"` on the `<input>`), for names and text
 * that may be written in Arabic or another right-to-left script.
 */
export const AutoDirTextInput = forwardRef<HTMLInputElement, TextInputProps>(
  function AutoDirTextInput(props, ref) {
    const merged = useMergedRef(ref, setAutoDir);
    return <TextInput {...props} ref={merged} />;
  },
);

export const AutoDirTextarea = forwardRef<HTMLTextAreaElement, TextareaProps>(
  function AutoDirTextarea(props, ref) {
    const merged = useMergedRef(ref, setAutoDir);
    return <Textarea {...props} ref={merged} />;
  },
);
