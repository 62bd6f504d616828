/** Branded unit types: a plain number that cannot be mixed up with another unit by accident. */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Decibels = Brand<number, 'Decibels'>;
export type Gain = Brand<number, 'Gain'>;
export type Seconds = Brand<number, 'Seconds'>;
export type Hertz = Brand<number, 'Hertz'>;
