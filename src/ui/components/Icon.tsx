/** Transport icons as inline SVG, so they look the same on every machine whatever its fonts. */
export type IconName = 'play' | 'pause' | 'stop' | 'loop' | 'metronome' | 'zoom-in' | 'zoom-out';

const PATHS: Record<IconName, string> = {
  play: 'M7 4.5v15l13-7.5z',
  pause: 'M6 4.5h4.5v15H6zm7.5 0H18v15h-4.5z',
  stop: 'M5.5 5.5h13v13h-13z',
  loop: 'M17 3.5l3.5 3.5L17 10.5V8H7.5A2.5 2.5 0 0 0 5 10.5V12H3v-1.5A4.5 4.5 0 0 1 7.5 6H17zM7 20.5L3.5 17 7 13.5V16h9.5a2.5 2.5 0 0 0 2.5-2.5V12h2v1.5a4.5 4.5 0 0 1-4.5 4.5H7z',
  metronome: 'M9.5 2.5h5l4.5 18H5zM11 5l-3 13.5h8L15.2 15H12.8l1.6-7.2-1.6-.4L11.2 15H9.1L12 5z',
  'zoom-in': 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  'zoom-out': 'M5 11h14v2H5z',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
