import { currentPowChallenge } from '@/lib/ingest/accept-report';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** `{ enabled: false }` normally; during an abnormal surge, a proof-of-work challenge to solve before reporting. */
export const GET = route(async () => json(await currentPowChallenge()));
