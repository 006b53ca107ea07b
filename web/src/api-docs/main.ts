/**
 * The API reference page (api-docs.html): Swagger UI, bundled from npm into the build (no CDN),
 * rendering the document the API serves at /api/openapi.json.
 */
import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import { API_BASE } from '../lib/api-client';

SwaggerUIBundle({
  url: `${API_BASE}/openapi.json`,
  dom_id: '#api-reference',
  deepLinking: true,
});
