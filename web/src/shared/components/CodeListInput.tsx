import { Badge, Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CodeListInputProps {
  /** The legend of the group, e.g. "Nationalités". */
  label: string;
  /** The label of the select that picks the next code. */
  addLabel: string;
  /** The option shown while nothing is picked. */
  placeholder: string;
  codes: readonly string[];
  labelOf: (code: string) => string;
  value: string[];
  onChange: (value: string[]) => void;
  max?: number;
  error?: string;
  name?: string;
}

/**
 * A short list of codes (nationalities, languages): the chosen ones as removable badges, a select and an
 * "Add" button for the next one. Native controls only, so it works with any keyboard and screen reader.
 */
export function CodeListInput(props: CodeListInputProps) {
  const { label, addLabel, placeholder, codes, labelOf, value, onChange, max, error, name } = props;
  const { t, i18n } = useTranslation();
  const [next, setNext] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const errorId = useId();
  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return codes
      .filter((code) => !value.includes(code))
      .map((code) => ({ value: code, label: labelOf(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [codes, value, labelOf, i18n.language]);
  const full = max !== undefined && value.length >= max;

  const add = () => {
    if (!next || value.includes(next)) return;
    onChange([...value, next]);
    setNext('');
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
            {value.map((code) => (
              <li key={code}>
                <Badge
                  variant="light"
                  color="gray"
                  tt="none"
                  size="lg"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('common.removeItem', { item: labelOf(code) })}
                      onClick={() => {
                        onChange(value.filter((c) => c !== code));
                        select.current?.focus();
                      }}
                    />
                  }
                >
                  {labelOf(code)}
                </Badge>
              </li>
            ))}
          </Group>
        )}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            ref={select}
            label={addLabel}
            name={name}
            value={next}
            disabled={full}
            onChange={(event) => setNext(event.currentTarget.value)}
            style={{ flex: 1 }}
          >
            <option value="">{placeholder}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
            disabled={!next || full}
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
