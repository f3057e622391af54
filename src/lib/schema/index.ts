export * from './channel.ts';
export * from './journey.ts';
export * from './kpi.ts';
export * from './persona.ts';
export * from './report.ts';
export * from './shared.ts';
export * from './stage.ts';
export * from './touchpoint.ts';
