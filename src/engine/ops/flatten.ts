// TEMPORARY STUB: being written by another helper; replace wholesale.
export function flatten(..._args: any[]): any { throw new Error('flatten: not implemented yet'); }
