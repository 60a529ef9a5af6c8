import { NativeSelect, type NativeSelectProps } from '@mantine/core';

interface OfficeOption {
  id: string;
  name: string;
}

interface OfficeSelectProps extends Omit<NativeSelectProps, 'data'> {
  /** The offices the user may choose from (e.g. `useOfficesWith(permission).offices`). */
  offices: readonly OfficeOption[];
  /** The text of the empty first option: "Choose an office" in a form, "All offices" in a filter. */
  emptyLabel: string;
}

/** A select of offices after an empty first option ("choose" in a form, "all" in a filter). */
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
