// TEMPORARY STUB: being written by another helper; replace wholesale.
export function Placeholder(..._args: any[]): any { throw new Error('Placeholder: not implemented yet'); }
