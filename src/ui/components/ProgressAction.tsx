import { useState } from 'react';

interface ProgressActionProps {
  readonly label: string;
  readonly run: (onProgress: (f: number) => void) => Promise<void>;
  readonly className?: string;
  readonly disabled?: boolean;
}

/** A button for a long offline job: shows a progress bar while it runs and the error if it fails. */
export function ProgressAction({ label, run, className = 'btn', disabled = false }: ProgressActionProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    setProgress(0);
    try {
      await run((f) => setProgress(f));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(null);
    }
  };
  return (
    <span className="progress-action">
      <button type="button" className={className} disabled={disabled || progress !== null} onClick={() => void start()}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="progress-status">
        {progress !== null && <progress aria-label={`${label} progress`} max={1} value={progress} />}
        {error && <span className="error-text">{label} failed: {error}</span>}
      </span>
    </span>
  );
}
