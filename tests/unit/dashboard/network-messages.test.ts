import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import { MIN_DETECTED_NETWORKS } from '@/lib/detect/network-gate';
import { MESSAGES } from '@/messages';

const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr, timeZone: 'Europe/Paris', namespace: 'networks' });
const en = createTranslator({ locale: 'en', messages: MESSAGES.en, timeZone: 'Europe/Paris', namespace: 'networks' });

describe('incident page: reporters and networks', () => {
  test('says how many reporters and networks, in French and English', () => {
    expect(fr('summary', { reporters: 312, networks: 187 })).toBe('312 signalants, 187 réseaux');
    expect(fr('summary', { reporters: 1, networks: 1 })).toBe('1 signalant, 1 réseau');
    expect(en('summary', { reporters: 312, networks: 187 })).toBe('312 reporters, 187 networks');
  });

  test('explains the rule with the threshold the detector uses', () => {
    expect(fr('explanation', { min: MIN_DETECTED_NETWORKS })).toContain(`au moins ${MIN_DETECTED_NETWORKS} réseaux distincts`);
    expect(en('explanation', { min: MIN_DETECTED_NETWORKS })).toContain(`at least ${MIN_DETECTED_NETWORKS} distinct networks`);
  });
});
