// TEMPORARY STUB: being written by another helper; replace wholesale.
export function avgPool2dForwardLoops(..._args: any[]): any { throw new Error('avgPool2dForwardLoops: not implemented yet'); }
export function avgPool2dBackwardLoops(..._args: any[]): any { throw new Error('avgPool2dBackwardLoops: not implemented yet'); }
export function avgPool2d(..._args: any[]): any { throw new Error('avgPool2d: not implemented yet'); }
