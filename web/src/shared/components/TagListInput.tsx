import { Badge, Button, CloseButton, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TagListInputProps {
  /** The legend of the group, e.g. "Compétences". */
  label: string;
  /** The label of the text field that takes the next tag. */
  addLabel: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  max?: number;
  error?: string;
  name?: string;
  /** Shown as typed unless given, e.g. to turn "Forklift driving" into its normalised tag. */
  normalize?: (text: string) => string;
}

/**
 * A short list of free-text tags (skills, towns): the chosen ones as removable badges, a text field and an
 * "Add" button (Enter adds too). Native controls only.
 */
export function TagListInput(props: TagListInputProps) {
  const {
    label,
    addLabel,
    description,
    value,
    onChange,
    max,
    error,
    name,
    normalize = (s) => s.trim(),
  } = props;
  const { t } = useTranslation();
  const [next, setNext] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const full = max !== undefined && value.length >= max;

  const add = () => {
    const tag = normalize(next);
    if (!tag) return;
    if (!value.includes(tag)) onChange([...value, tag]);
    setNext('');
    input.current?.focus();
  };

  return (
    <Fieldset legend={label} variant="unstyled" aria-describedby={error ? errorId : undefined}>
      <Stack gap="xs">
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('common.noneSelected')}
          </Text>
        ) : (
          <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {value.map((tag) => (
              <li key={tag}>
                <Badge
                  variant="light"
                  color="gray"
                  tt="none"
                  size="lg"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('common.removeItem', { item: tag })}
                      onClick={() => {
                        onChange(value.filter((v) => v !== tag));
                        input.current?.focus();
                      }}
                    />
                  }
                >
                  <bdi>{tag}</bdi>
                </Badge>
              </li>
            ))}
          </Group>
        )}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            ref={input}
            label={addLabel}
            description={description}
            name={name}
            value={next}
            disabled={full}
            autoComplete="off"
            style={{ flex: 1 }}
            onChange={(event) => setNext(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              add();
            }}
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
            disabled={!next.trim() || full}
            aria-label={t('common.addTo', { list: label })}
          >
            {t('common.add')}
          </Button>
        </Group>
        {error ? (
          <Text id={errorId} size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
