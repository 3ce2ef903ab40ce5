/** Where the declaration pages live in the console. */
export const BASE = '/console/customs/declarations';
