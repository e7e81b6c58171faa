'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import {
  advance,
  instantAtStep,
  prefetchInstants,
  REPLAY_RANGES,
  REPLAY_SPEEDS,
  REPLAY_TICK_MS,
  replayWindow,
  stepCount,
  stepIndex,
  type ReplayRange,
  type ReplaySpeed,
} from '@/lib/map-view/replay';
import { formatParisLocal } from '@/lib/calendar/paris-time';

export type ReplayControlsProps = {
  /** Instant shown (ISO). */
  at: string;
  live: boolean;
  onSeek(localMinute: string): void;
  onLive(): void;
  onPrefetch(localMinutes: string[]): void;
};

const PREFETCH_AHEAD = 4;
const SLIDER_SETTLE_MS = 150;
const local = (t: number) => formatParisLocal(new Date(t));

/** Slider over the last 24 hours or 7 days (or around a chosen instant), play/pause and speed. */
export function ReplayControls({ at, live, onSeek, onLive, onPrefetch }: ReplayControlsProps) {
  const t = useTranslations('home.replay');
  const format = useFormatter();
  const atMs = Date.parse(at);
  const [range, setRange] = useState<ReplayRange>('24h');
  const [speed, setSpeed] = useState<ReplaySpeed>(5);
  const [playing, setPlaying] = useState(false);
  const [w, setW] = useState(() => replayWindow({ at: atMs, range, now: Date.now() }));
  const cursor = useRef(atMs);
  cursor.current = atMs;
  const [dragged, setDragged] = useState<number | null>(null);
  const dragTimer = useRef<number | undefined>(undefined);
  // A drag fires a change per step: fetch the state once the thumb rests for a moment.
  const seekSoon = (index: number) => {
    setDragged(index);
    window.clearTimeout(dragTimer.current);
    dragTimer.current = window.setTimeout(() => {
      setDragged(null);
      onSeek(local(instantAtStep(index, w)));
    }, SLIDER_SETTLE_MS);
  };

  useEffect(() => {
    setW((current) => {
      const fresh = replayWindow({ at: cursor.current, range, now: Date.now() });
      const inside = cursor.current >= current.start && cursor.current <= current.end;
      return inside && current.stepMs === fresh.stepMs && !live ? current : fresh;
    });
  }, [atMs, range, live]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const next = advance(cursor.current, speed, w);
      cursor.current = next.at;
      onSeek(local(next.at));
      onPrefetch(prefetchInstants(next.at, speed, w, PREFETCH_AHEAD).map(local));
      if (next.done) setPlaying(false);
    }, REPLAY_TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, speed, w, onSeek, onPrefetch]);

  const dateText = (ms: number) => format.dateTime(new Date(ms), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const togglePlay = () => {
    if (!playing && (live || atMs >= w.end)) {
      cursor.current = w.start;
      onSeek(local(w.start));
    }
    if (!playing) onPrefetch(prefetchInstants(cursor.current, speed, w, PREFETCH_AHEAD).map(local));
    setPlaying(!playing);
  };
  return (
    <section className="replay" aria-labelledby="titre-replay">
      <h2 id="titre-replay">{t('title')}</h2>
      <div className="replay-row">
        <label htmlFor="replay-periode">{t('range')}</label>
        <select id="replay-periode" value={range} onChange={(e) => setRange(e.target.value as ReplayRange)}>
          {REPLAY_RANGES.map((r) => (
            <option key={r} value={r}>
              {t(`ranges.${r}`)}
            </option>
          ))}
        </select>
        <button type="button" className="home-button" onClick={togglePlay} aria-pressed={playing}>
          {playing ? t('pause') : t('play')}
        </button>
        <label htmlFor="replay-vitesse">{t('speed')}</label>
        <select id="replay-vitesse" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as ReplaySpeed)}>
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('speedValue', { minutes: s })}
            </option>
          ))}
        </select>
        {live ? null : (
          <button type="button" className="home-button-secondary" onClick={() => (setPlaying(false), onLive())}>
            {t('live')}
          </button>
        )}
      </div>
      <div className="replay-slider">
        <label htmlFor="replay-instant">{t('slider')}</label>
        <input
          id="replay-instant"
          type="range"
          min={0}
          max={stepCount(w)}
          step={1}
          value={dragged ?? (live ? stepCount(w) : stepIndex(atMs, w))}
          aria-valuetext={t('position', { date: dateText(dragged !== null ? instantAtStep(dragged, w) : live ? w.end : atMs) })}
          onChange={(e) => {
            setPlaying(false);
            seekSoon(Number(e.target.value));
          }}
        />
        <span className="replay-ends" aria-hidden="true">
          <span>{dateText(w.start)}</span>
          <span>{dateText(w.end)}</span>
        </span>
      </div>
    </section>
  );
}

export default ReplayControls;
