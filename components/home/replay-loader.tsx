'use client';

import dynamic from 'next/dynamic';
import type { ReplayControlsProps } from './replay-controls';

// The replay widget needs JavaScript anyway: it loads after the page, in its own chunk.
const ReplayControls = dynamic(() => import('./replay-controls'), { ssr: false, loading: () => null });

export function ReplayLoader(props: ReplayControlsProps) {
  return <ReplayControls {...props} />;
}
