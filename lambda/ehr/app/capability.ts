import { capabilityStatement } from '../domain/capability';

/** The CapabilityStatement served at `metadata`. */
export const capabilities = (baseUrl: string, software: { name: string; version: string }, date: string) =>
  capabilityStatement(baseUrl, software, date);
