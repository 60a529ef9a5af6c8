import { Badge, Group, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../src/modules/employment/contract';
import { useFormat } from '../../shared/format/useFormat';
import { sectorLabel } from './labels';

type Format = ReturnType<typeof useFormat>;

/** The details of one reason, as short phrases ("matched: welding, driving"). */
function details(reason: MatchReason, t: TFunction, format: Format): string[] {
  const list = (items: string[]) => format.list(items);
  switch (reason.code) {
    case 'skills': {
      if (reason.matched.length + reason.related.length + reason.missing.length === 0)
        return [t('employment.reasons.noneAsked')];
      return [
        reason.matched.length > 0 ? t('employment.reasons.matched', { list: list(reason.matched) }) : null,
        reason.related.length > 0 ? t('employment.reasons.related', { list: list(reason.related) }) : null,
        reason.missing.length > 0 ? t('employment.reasons.missing', { list: list(reason.missing) }) : null,
      ].filter((x): x is string => x !== null);
    }
    case 'sector': {
      const sector = sectorLabel(reason.value, t);
      return [t(`employment.reasons.sectorVia.${reason.via ?? 'none'}`, { sector })];
    }
    case 'location': {
      const place = reason.via === 'country' ? format.country(reason.value) : reason.value;
      return [t(`employment.reasons.locationVia.${reason.via ?? 'none'}`, { place })];
    }
    case 'languages': {
      const names = (codes: string[]) => list(codes.map(format.language));
      if (reason.matched.length + reason.missing.length === 0) return [t('employment.reasons.noneAsked')];
      return [
        reason.matched.length > 0 ? t('employment.reasons.spoken', { list: names(reason.matched) }) : null,
        reason.missing.length > 0 ? t('employment.reasons.notSpoken', { list: names(reason.missing) }) : null,
      ].filter((x): x is string => x !== null);
    }
    default:
      return [];
  }
}

/** Why a returnee and an opening match: each component, the points it earned and what matched or not. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List size="sm" spacing={4} listStyleType="none" pl={0}>
      {reasons.map((reason) => {
        const full = reason.points >= reason.max;
        const none = reason.points === 0;
        return (
          <List.Item key={reason.code}>
            <Group gap={6} wrap="nowrap" align="baseline">
              <Badge
                size="sm"
                variant="light"
                color={full ? 'green' : none ? 'gray' : 'blue'}
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {t('employment.reasons.points', { points: reason.points, max: reason.max })}
              </Badge>
              <Text size="sm">
                <Text span fw={600} inherit>
                  {t(`employment.reasons.codes.${reason.code}`)}
                </Text>
                {t('employment.reasons.afterName', { details: details(reason, t, format).join(' · ') })}
              </Text>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
