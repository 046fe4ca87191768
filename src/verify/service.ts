import type { ServiceModel } from '../fleet/types';

/** What verification needs to know of a service: the slice of the fleet model it decides from. */
export type VerifyService = Pick<ServiceModel, 'name' | 'dir' | 'buildContext' | 'package' | 'tsconfig'> & Partial<Pick<ServiceModel, 'entries'>>;
