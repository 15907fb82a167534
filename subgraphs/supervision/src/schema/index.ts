import { builder } from '../builder.ts';
import './case.ts';
import './case-mutations.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
