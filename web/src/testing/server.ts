import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { prometheusHandlers } from './prometheus';

export const server = setupServer(...handlers, ...prometheusHandlers);
