import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { type PersonFormValues, SCRIPTS } from './personForm';

interface AliasesEditorProps<TOut> {
  control: Control<PersonFormValues, unknown, TOut>;
  register: UseFormRegister<PersonFormValues>;
  errors: FieldErrors<PersonFormValues>['aliases'];
}

/** Other names the person is known by, each with its script; focus follows additions and removals. */
export function AliasesEditor<TOut>({ control, register, errors }: AliasesEditorProps<TOut>) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'aliases' });
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (focusAdd.current) {
      focusAdd.current = false;
      addButton.current?.focus();
    }
  });
  return (
    <Fieldset legend={t('registry.aliases.legend')} variant="unstyled">
      <Stack gap="sm">
        {fields.length === 0 ? <Text size="sm">{t('registry.aliases.empty')}</Text> : null}
        {fields.map((field, index) => (
          <Group
            key={field.id}
            role="group"
            aria-label={t('registry.aliases.row', { index: index + 1 })}
            align="flex-start"
            gap="sm"
            wrap="nowrap"
          >
            <AutoDirTextInput
              label={t('registry.aliases.name')}
              required
              autoComplete="off"
              error={errors?.[index]?.name?.message}
              style={{ flex: 2 }}
              {...register(`aliases.${index}.name`)}
            />
            <NativeSelect
              label={t('registry.aliases.script')}
              error={errors?.[index]?.script?.message}
              style={{ flex: 1 }}
              data={SCRIPTS.map((script) => ({ value: script, label: t(`registry.scripts.${script}`) }))}
              {...register(`aliases.${index}.script`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={t('registry.aliases.remove', { index: index + 1 })}
              onClick={() => {
                focusAdd.current = true;
                remove(index);
              }}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          ref={addButton}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => append({ name: '', script: 'latin' }, { shouldFocus: true })}
        >
          {t('registry.aliases.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
