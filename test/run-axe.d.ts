/** See run-axe.js. */
export function runAxe(context: string | null, win?: Window): Promise<string[]>;
