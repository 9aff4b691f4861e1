// TEMPORARY STUB: being written by another helper; replace wholesale.
export function maxPool2dForwardLoops(..._args: any[]): any { throw new Error('maxPool2dForwardLoops: not implemented yet'); }
export function maxPool2dBackwardLoops(..._args: any[]): any { throw new Error('maxPool2dBackwardLoops: not implemented yet'); }
export function maxPool2d(..._args: any[]): any { throw new Error('maxPool2d: not implemented yet'); }
