import { NativeSelect, type NativeSelectProps } from '@mantine/core';

interface OfficeOption {
  id: string;
  name: string;
}

interface OfficeSelectProps extends Omit<NativeSelectProps, 'data'> {
  /** The offices the user may choose from (e.g. `useOfficesWith(permission).offices`). */
  offices: readonly OfficeOption[];
  /** The text of the empty first option, e.g. "Choose an office". */
  emptyLabel: string;
}

/** A select of the offices a new record may be created in, after an empty "choose" option. */
export function OfficeSelect({ offices, emptyLabel, ...props }: OfficeSelectProps) {
  return (
    <NativeSelect
      data={[{ value: '', label: emptyLabel }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
      {...props}
    />
  );
}

/** The office a new record starts in: the only one the user may choose, else none (''). */
export function onlyOfficeId(offices: readonly OfficeOption[]): string {
  return offices.length === 1 ? (offices[0]?.id ?? '') : '';
}
