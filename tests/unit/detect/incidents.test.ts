import { describe, test, expect } from 'vitest';
import { groupIncidents } from '@/lib/detect/incidents';
import type { Episode } from '@/lib/detect/types';

const MIN = 60_000;

function episode(
  start: number,
  end: number | null,
  level: Episode['level'] = 'possible',
  maxScore = 7,
): Episode {
  return {
    start: start * MIN,
    possibleAt: (start + 2) * MIN,
    detectedAt: level === 'detected' ? (start + 3) * MIN : null,
    end: end === null ? null : end * MIN,
    peakT: start * MIN,
    peakCount: 5,
    level,
    reporters: 10,
    maxScore,
  };
}

describe('groupIncidents', () => {
  test('merges overlapping episodes of a platform across scopes', () => {
    const incidents = groupIncidents(
      [
        { platformId: 'pronote', scope: 'national', episodes: [episode(0, 60, 'detected', 12)] },
        { platformId: 'pronote', scope: 'paris', episodes: [episode(5, 70)] },
        { platformId: 'ecoledirecte', scope: 'lyon', episodes: [episode(10, 20)] },
      ],
      20 * MIN,
    );
    expect(incidents).toHaveLength(2);
    expect(incidents[0]).toMatchObject({
      platformId: 'pronote',
      start: 0,
      end: 70 * MIN,
      level: 'detected',
      maxScore: 12,
      scopes: ['national', 'paris'],
      possibleAt: 2 * MIN,
      detectedAt: 3 * MIN,
    });
  });

  test.each([
    ['within the merge gap', 75, 1],
    ['after the merge gap', 90, 2],
  ])('joins an episode starting %s', (_, secondStart, expected) => {
    const series = [
      {
        platformId: 'p',
        scope: 'paris',
        episodes: [episode(0, 60), episode(secondStart, secondStart + 10)],
      },
    ];
    expect(groupIncidents(series, 20 * MIN)).toHaveLength(expected);
  });

  test('keeps an incident open while one of its episodes is open', () => {
    const series = [
      { platformId: 'p', scope: 'national', episodes: [episode(0, 30), episode(10, null)] },
    ];
    expect(groupIncidents(series, 20 * MIN)[0]?.end).toBeNull();
  });
});
