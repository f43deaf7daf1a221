import type { NotifyCaller } from '../domain/auth';
import type { TemplateVersion } from '../domain/model';
import type { TemplateListResponse, TemplatePreviewResponse, TemplateResponse } from '../domain/response-schemas';
import { templatePreviewResponse, templateResponse } from '../domain/responses';
import { type ListTemplatesQuery, type PreviewTemplateRequest, templateIdSchema, templateVersionSchema } from '../domain/schemas';
import { renderStrict } from '../domain/template';
import { parseNotify } from '../domain/validation';
import { noResultFound } from '../errors';
import type { NotifyPorts, ServiceResult } from '../ports';

/** `GET /v2/template/{id}[/version/{v}]`, `POST /v2/template/{id}/preview`, `GET /v2/templates`. */

export async function getTemplate(id: string, caller: NotifyCaller, ports: NotifyPorts): Promise<ServiceResult<TemplateResponse>> {
  return { statusCode: 200, body: templateResponse(await ownTemplate(id, undefined, caller, ports)) };
}

export async function getTemplateVersion(
  id: string,
  version: string | number,
  caller: NotifyCaller,
  ports: NotifyPorts,
): Promise<ServiceResult<TemplateResponse>> {
  const number = parseNotify(templateVersionSchema, version);
  return { statusCode: 200, body: templateResponse(await ownTemplate(id, number, caller, ports)) };
}

export async function previewTemplate(
  id: string,
  request: PreviewTemplateRequest,
  caller: NotifyCaller,
  ports: NotifyPorts,
): Promise<ServiceResult<TemplatePreviewResponse>> {
  const template = await ownTemplate(id, undefined, caller, ports);
  return { statusCode: 200, body: templatePreviewResponse(template, renderStrict(template, request.personalisation)) };
}

export async function listTemplates(
  query: ListTemplatesQuery,
  caller: NotifyCaller,
  ports: NotifyPorts,
): Promise<ServiceResult<TemplateListResponse>> {
  const templates = (await ports.directory.listTemplates(caller.service.id))
    .filter((t) => !t.archived && (query.type === undefined || t.type === query.type))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { statusCode: 200, body: { templates: templates.map(templateResponse) } };
}

async function ownTemplate(id: string, version: number | undefined, caller: NotifyCaller, ports: NotifyPorts): Promise<TemplateVersion> {
  const templateId = parseNotify(templateIdSchema, id).toLowerCase();
  const template = await ports.directory.getTemplate(caller.service.id, templateId, version);
  if (!template) throw noResultFound();
  return template;
}
