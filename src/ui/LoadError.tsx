/** Shown when Earshot cannot start at all: the demo song's manifest is unreadable or the audio engine failed. */
export function LoadError({ message }: { message: string }) {
  return (
    <div className="app app-error" role="alert">
      <h1 className="brand">Earshot</h1>
      <p>Earshot could not start.</p>
      <p className="error-text">{message}</p>
    </div>
  );
}
