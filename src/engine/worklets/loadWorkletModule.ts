const loaded = new WeakMap<BaseAudioContext, Map<string, Promise<void>>>();

/**
 * Adds an AudioWorklet module to a context once per URL (registering a processor name twice would fail).
 * A failed load is forgotten, so the next call may retry it.
 */
export function loadWorkletModule(context: BaseAudioContext, url: string): Promise<void> {
  let byUrl = loaded.get(context);
  if (!byUrl) loaded.set(context, (byUrl = new Map()));
  let loading = byUrl.get(url);
  if (!loading) {
    const attempt = context.audioWorklet.addModule(url);
    byUrl.set(url, attempt);
    attempt.catch(() => {
      if (byUrl.get(url) === attempt) byUrl.delete(url);
    });
    loading = attempt;
  }
  return loading;
}
