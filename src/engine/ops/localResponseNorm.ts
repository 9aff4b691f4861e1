// TEMPORARY STUB: being written by another helper; replace wholesale.
export function localResponseNorm(..._args: any[]): any { throw new Error('localResponseNorm: not implemented yet'); }
