import { wikipediaLink } from '../encyclopedia/types';

/**
 * English Wikipedia article titles that the lessons and the encyclopedia link to, each checked to exist under
 * exactly this spelling. A title that is not here should not be linked.
 */
export const VERIFIED_WIKIPEDIA_TITLES: ReadonlySet<string> = new Set([
  // Roles
  'Record producer',
  'Audio engineer',
  'Artists and repertoire',
  // People
  'Les Paul',
  'Phil Spector',
  'George Martin',
  'Ken Townsend',
  'Geoff Emerick',
  'Sam Phillips',
  'Brian Eno',
  'Dr. Dre',
  'Quincy Jones',
  // Places and works
  'Abbey Road Studios',
  'Gold Star Studios',
  'Sun Studio',
  'Ambient 1: Music for Airports',
  // Recording
  'Multitrack recording',
  'Overdubbing',
  'Pitch control',
  'Double tracking',
  'Automatic double tracking',
  'Analog recording',
  // Space and tone
  'Wall of Sound',
  'Echo chamber',
  'Reverberation',
  'Delay (audio effect)',
  'Equalization (audio)',
  'Dynamic range compression',
  'Parallel compression',
  'Ducking',
  'Distortion (music)',
  // Mixing, styles and standards
  'Panning (audio)',
  'Monaural sound',
  'Sampling (music)',
  'G-funk',
  'Ambient music',
  'Mastering (audio)',
  'Loudness war',
  'EBU R 128',
  'LKFS',
]);

export const isVerifiedWikipediaTitle = (title: string): boolean => VERIFIED_WIKIPEDIA_TITLES.has(title);

/** The article's address: https://en.wikipedia.org/wiki/ and the title with spaces as underscores. */
export const wikipediaUrl = (title: string): string => wikipediaLink(title).url;
