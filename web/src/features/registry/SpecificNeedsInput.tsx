import { Badge, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NEEDS_BY_CATEGORY, needCategoryLabel, needLabel, SENSITIVE_NEED_CATEGORIES } from './labels';

interface SpecificNeedsInputProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  /**
   * Whether the trafficking codes are offered: only to those who may read them in the person's office
   * (cases.sensitive); the server refuses them from anyone else.
   */
  withSensitive: boolean;
}

/** The specific-needs codes as checkboxes, one labelled group per category. */
export function SpecificNeedsInput({ value, onChange, error, withSensitive }: SpecificNeedsInputProps) {
  const { t, i18n } = useTranslation();
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...value, code] : value.filter((c) => c !== code));
  return (
    <Fieldset legend={t('registry.needs.legend')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('registry.needs.selected', { count: value.length })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {NEEDS_BY_CATEGORY.filter(
            ({ category }) => withSensitive || !SENSITIVE_NEED_CATEGORIES.includes(category),
          ).map(({ category, codes }) => (
            <Fieldset
              key={category}
              p="xs"
              legend={
                <Group gap={6} component="span">
                  <span>{needCategoryLabel(category, i18n.language)}</span>
                  {SENSITIVE_NEED_CATEGORIES.includes(category) ? (
                    <Badge size="xs" color="red" variant="light" tt="none" component="span">
                      {t('registry.needs.sensitive')}
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              <Stack gap={6}>
                {codes.map((code) => (
                  <Checkbox
                    key={code}
                    name="specificNeeds"
                    value={code}
                    label={needLabel(code, i18n.language)}
                    checked={value.includes(code)}
                    onChange={(event) => toggle(code, event.currentTarget.checked)}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        {error ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
