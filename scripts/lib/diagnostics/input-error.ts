/** Bad input that is not a data diagnostic (a missing CSV, a wrong option): exit 1. */
export class InputError extends Error {}
