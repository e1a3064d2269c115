import { createWebhookHandler } from '../src/webhooks/index.js';
import { listen, receiverSuite } from './webhooks-handler.support.js';

// The Node adapter: `http.createServer(handler.node)`, reading the raw body itself.
receiverSuite('node:http listener', (options) => listen(createWebhookHandler(options).node));
