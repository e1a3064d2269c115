// Stands in for the MCP SDK's `validation/ajv-provider.js` in the `loggd-mcp` binary (tsup.config.ts swaps it in).
// The SDK's server imports Ajv (with ajv-formats) at load only to build a default validator for elicitation
// answers; this server passes its own (server.ts) and never elicits, so loading Ajv costs every start for nothing.

/** Never constructed by this server: it always passes `jsonSchemaValidator`. */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('loggd-mcp is built without Ajv: pass jsonSchemaValidator to the MCP server');
  }
}
