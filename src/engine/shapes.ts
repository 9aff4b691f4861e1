// TEMPORARY STUB: being written by another helper; replace wholesale.
export function convOutputSize(..._args: any[]): any { throw new Error('convOutputSize: not implemented yet'); }
export function poolOutputSize(..._args: any[]): any { throw new Error('poolOutputSize: not implemented yet'); }
