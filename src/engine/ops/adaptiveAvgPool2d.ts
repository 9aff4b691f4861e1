// TEMPORARY STUB: being written by another helper; replace wholesale.
export function adaptiveAvgPool2d(..._args: any[]): any { throw new Error('adaptiveAvgPool2d: not implemented yet'); }
