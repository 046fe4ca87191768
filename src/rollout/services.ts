// Service discovery moved to the fleet layer (src/fleet/services.ts); this name stays for importers.
export * from '../fleet/services';
