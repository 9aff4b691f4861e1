// TEMPORARY STUB: being written by another helper; replace wholesale.
export function conv2dForwardLoops(..._args: any[]): any { throw new Error('conv2dForwardLoops: not implemented yet'); }
export function conv2dBackwardInputLoops(..._args: any[]): any { throw new Error('conv2dBackwardInputLoops: not implemented yet'); }
export function conv2dBackwardWeightLoops(..._args: any[]): any { throw new Error('conv2dBackwardWeightLoops: not implemented yet'); }
export function conv2d(..._args: any[]): any { throw new Error('conv2d: not implemented yet'); }
