/** Shown when the demo song's manifest cannot be read at all. */
export function LoadError({ message }: { message: string }) {
  return (
    <div className="app app-error" role="alert">
      <h1 className="brand">Earshot</h1>
      <p>The demo song could not be loaded.</p>
      <p className="error-text">{message}</p>
    </div>
  );
}
