/** Reports a check that needs more than one field; the loader turns it into an InputError at the right line. */
export type ResolveFailure = (path: (string | number)[], message: string) => never;
