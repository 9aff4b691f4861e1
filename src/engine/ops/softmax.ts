// TEMPORARY STUB: being written by another helper; replace wholesale.
export function softmax(..._args: any[]): any { throw new Error('softmax: not implemented yet'); }
export function logSoftmax(..._args: any[]): any { throw new Error('logSoftmax: not implemented yet'); }
