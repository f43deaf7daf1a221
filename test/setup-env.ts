// Quiet the handlers' structured logs and metrics in tests; a test that needs them sets its own.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.AWS_REGION ??= 'ap-east-1';
