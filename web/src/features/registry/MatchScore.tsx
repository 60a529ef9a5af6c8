import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATCH_THRESHOLD } from '../../../../src/modules/registry/matching/weights';
import { useFormat } from '../../shared/format/useFormat';

/**
 * A score as a whole percentage, rounded down, and never "100 %": a matcher's score is not certainty
 * (the API rounds 0.9996 to 1).
 */
export function scoreShare(score: number): number {
  return Math.min(Math.floor(Math.max(score, 0) * 100 + 1e-9) / 100, 0.99);
}

/**
 * How well two records match: the matcher's score as a percentage, and whether it reaches the threshold
 * the product ships with ("likely") or only the review threshold ("possible"). For a search result
 * (`search`: a typed name against a record, no birth date to compare) only how well the name matched.
 */
export function MatchScore({
  score,
  likely,
  search = false,
}: {
  score: number;
  likely?: boolean;
  search?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = format.percent(scoreShare(score));
  if (search) {
    return (
      <Badge color="gray" variant="light" tt="none" style={{ flexShrink: 0, minWidth: 'max-content' }}>
        {t('registry.matchScore.search', { score: value })}
      </Badge>
    );
  }
  const isLikely = likely ?? score >= MATCH_THRESHOLD;
  return (
    <Badge
      color={isLikely ? 'orange' : 'gray'}
      variant={isLikely ? 'filled' : 'light'}
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {isLikely
        ? t('registry.matchScore.likely', { score: value })
        : t('registry.matchScore.possible', { score: value })}
    </Badge>
  );
}
