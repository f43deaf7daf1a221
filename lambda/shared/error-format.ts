import type { ErrorFormatter } from './route';

/** The platform's own error body: `{"error": {"code", "message", "details", "requestId"}}`. */
export const platformErrorFormat: ErrorFormatter = (error, requestId) => ({
  error: { code: error.code, message: error.message, details: error.details ?? null, requestId },
});
