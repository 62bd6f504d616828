import { useEarshot } from '../StoreContext';

/** Says why there is no sound when the browser holds the audio back, and what starts it. */
export function AudioStatusBanner() {
  const status = useEarshot((s) => s.audioStatus);
  const play = useEarshot((s) => s.actions.play);
  const errors = useEarshot((s) => Object.values(s.assetStatus).filter((a) => a.state === 'error').length);
  return (
    <div className="status-area" role="status" aria-live="polite">
      {status === 'suspended' && (
        <p className="banner banner-info">
          <strong>Sound is paused by your browser.</strong> Click anywhere or press any key to start the demo song.
        </p>
      )}
      {status === 'interrupted' && (
        <p className="banner banner-warn">
          Audio was interrupted by the system.{' '}
          <button type="button" className="btn btn-small banner-action" onClick={play}>
            Resume audio
          </button>
        </p>
      )}
      {status === 'closed' && <p className="banner banner-warn">The audio device closed. Reload the page to get sound back.</p>}
      {errors > 0 && (
        <p className="banner banner-warn">
          {errors === 1 ? 'One stem' : `${errors} stems`} could not be loaded (see the lane). The rest of the song still plays.
        </p>
      )}
    </div>
  );
}
