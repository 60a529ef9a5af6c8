import { ActionIcon, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKDOWNS } from '../../../../src/modules/reporting/contract';
import { useReportingLabels } from './labels';

interface BreakdownPickerProps {
  /** The specs chosen (`sex`, `sex*age_band`...). */
  value: string[];
  onChange: (specs: string[]) => void;
  /** The dimensions offered; every breakdown when not given. */
  dimensions?: readonly string[];
  /** At most this many specs. */
  max: number;
  label: string;
  description?: string;
}

/** Picks breakdowns: one dimension, or a pair crossed (a matrix), added to a list that can be trimmed. */
export function BreakdownPicker({
  value,
  onChange,
  dimensions = BREAKDOWNS,
  max,
  label,
  description,
}: BreakdownPickerProps) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const spec = first ? (second ? `${first}*${second}` : first) : '';
  const full = value.length >= max;
  const add = () => {
    if (!spec || value.includes(spec) || full) return;
    onChange([...value, spec]);
    setFirst('');
    setSecond('');
  };
  const options = (exclude: string) => [
    { value: '', label: t('reporting.picker.none') },
    ...dimensions.filter((d) => d !== exclude).map((d) => ({ value: d, label: labels.dimension(d) })),
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of selects and a list; <fieldset> would restyle the form.
    <div role="group" aria-label={label}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {description ? (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        ) : null}
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t('reporting.picker.first')}
            value={first}
            onChange={(e) => {
              setFirst(e.currentTarget.value);
              if (e.currentTarget.value === second) setSecond('');
            }}
            data={options('')}
            size="xs"
          />
          <NativeSelect
            label={t('reporting.picker.second')}
            value={second}
            disabled={!first}
            onChange={(e) => setSecond(e.currentTarget.value)}
            data={options(first)}
            size="xs"
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={!spec || value.includes(spec) || full}
            onClick={add}
          >
            {t('reporting.picker.add')}
          </Button>
        </Group>
        {value.length > 0 ? (
          <Group
            gap={6}
            component="ul"
            aria-label={t('reporting.picker.chosen')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {value.map((s) => (
              <li key={s}>
                <Badge
                  variant="light"
                  tt="none"
                  size="lg"
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={t('reporting.picker.remove', { spec: labels.spec(s) })}
                      onClick={() => onChange(value.filter((x) => x !== s))}
                    >
                      <IconX size={12} aria-hidden />
                    </ActionIcon>
                  }
                >
                  {labels.spec(s)}
                </Badge>
              </li>
            ))}
          </Group>
        ) : null}
        {full ? (
          <Text size="xs" c="dimmed">
            {t('reporting.picker.full', { max })}
          </Text>
        ) : null}
      </Stack>
    </div>
  );
}
