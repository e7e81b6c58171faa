import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { recordIntake } from '@/lib/http/intake-stats';
import { processSingleton } from '@/lib/http/process-singleton';
import { requireReadAccess } from '@/lib/auth/read-access';
import { createSourceLimit, type SourceLimit } from '@/lib/http/source-limit';
import { requestSourceKey } from '@/lib/ingest/request-source';
import type { LiveSink } from './hub';
import { getLiveRuntime } from './runtime';
import { connectionCapError, parseStreamRequest } from './stream-request';

function streamSlots(): SourceLimit {
  return processSingleton('live-stream-slots', () =>
    createSourceLimit({
      perSource: env.LIVE_MAX_PER_SOURCE,
      max: env.LIVE_MAX_CONNECTIONS,
      reserve: Math.min(env.LIVE_RESERVE_FOR_NEW_SOURCES, Math.floor(env.LIVE_MAX_CONNECTIONS / 2)),
    }),
  );
}

function refused(perSourceFull: boolean): AppError {
  recordIntake('stream_refused');
  if (!perSourceFull) return connectionCapError(5 + Math.floor(Math.random() * 10));
  return new AppError('rate_limited', `Trop de flux en direct ouverts depuis votre réseau (${env.LIVE_MAX_PER_SOURCE} au maximum).`, {
    retryAfterSeconds: 30,
  });
}

/**
 * GET /api/flux, whatever the transport (lib/server/live-stream.ts, app/api/flux/route.ts): checks
 * the parameters and the read limit, takes one of the source's few stream slots (the last slots of
 * the instance are kept for sources holding none), then attaches `sink` to the hub. Throws AppError.
 */
export async function openLiveStream(input: { url: string; headers: Headers; sink: LiveSink }): Promise<{ detach(): void }> {
  const params = parseStreamRequest({
    search: new URL(input.url, 'http://localhost').searchParams,
    lastEventId: input.headers.get('last-event-id'),
  });
  await requireReadAccess({ headers: input.headers });
  const slots = streamSlots();
  const source = requestSourceKey(input.headers);
  const release = slots.tryAcquire(source);
  if (!release) throw refused(slots.count(source) >= env.LIVE_MAX_PER_SOURCE);
  const attached = getLiveRuntime().hub.attach({ ...params, sink: input.sink });
  if (!attached.ok) {
    release();
    recordIntake('stream_refused');
    throw connectionCapError(attached.retryAfterSeconds);
  }
  return {
    detach() {
      attached.detach();
      release();
    },
  };
}
