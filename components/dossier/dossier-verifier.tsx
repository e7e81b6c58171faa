'use client';

import { useState, type ChangeEvent, type DragEvent } from 'react';
import type { DossierCheck } from '@/lib/dossier/verify';

export type VerifierLabels = { drop: string; key: string; checking: string; intact: string; broken: string };

/** Reads a dropped ZIP in memory and runs the same check as npm run verify:dossier; nothing is uploaded. */
export function DossierVerifier({ labels, publicKey }: { labels: VerifierLabels; publicKey: string }) {
  const [key, setKey] = useState(publicKey);
  const [state, setState] = useState<{ name: string; result: DossierCheck | null } | null>(null);

  async function check(file: File | undefined) {
    if (!file) return;
    setState({ name: file.name, result: null });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { verifyDossierZip } = await import('@/lib/dossier/verify');
    setState({ name: file.name, result: await verifyDossierZip(bytes, { publicKeyHex: key.trim() || undefined }) });
  }

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    void check(event.dataTransfer.files[0]);
  };

  return (
    <div>
      <label>
        {labels.key}
        <input type="text" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} style={{ width: '100%', fontFamily: 'monospace' }} />
      </label>
      <label onDragOver={(e) => e.preventDefault()} onDrop={onDrop} style={{ display: 'block', border: '2px dashed currentColor', padding: '2rem', margin: '1rem 0', textAlign: 'center' }}>
        {labels.drop}
        <input type="file" accept=".zip,application/zip" onChange={(e: ChangeEvent<HTMLInputElement>) => void check(e.target.files?.[0])} style={{ display: 'block', margin: '1rem auto 0' }} />
      </label>
      <div aria-live="polite">
        {state && !state.result ? <p>{labels.checking}</p> : null}
        {state?.result ? (
          <section>
            <h2>{state.result.ok ? `✓ ${labels.intact}` : `✗ ${labels.broken}`} — {state.name}</h2>
            <ul>
              {state.result.problems.map((p, i) => (
                <li key={`p${i}`}>✗ {p}</li>
              ))}
              {state.result.intact.map((p, i) => (
                <li key={`i${i}`}>✓ {p}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
