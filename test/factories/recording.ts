import type {
  AttachmentView,
  BusinessDirectoryEntry,
  DeclareEventErrorRequest,
  ErrorDeclarationView,
  EventView,
  IncomingShipmentView,
  Page,
  ReceiveShipmentRequest,
  ShipmentStatusFilter,
} from '@nguon/shared';
import type { Credential, Factory } from './index.js';

function expectOk<T>(response: { status: number; body: T }, what: string): T {
  if (response.status >= 300) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A lab's result as a (tiny) PDF uploaded by the business: what an inspection refers to. */
export async function uploadLabReport(
  f: Factory,
  who: Credential,
  businessId: string,
  fileName = 'ket-qua-kiem-nghiem.pdf',
): Promise<AttachmentView> {
  const response = await fetch(`${f.testApp.baseUrl}/api/businesses/${businessId}/attachments?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/pdf', accept: 'application/json' },
    body: Buffer.from('%PDF-1.4\n% Phiếu kết quả thử nghiệm\n%%EOF\n'),
  });
  const body = await response.json();
  return expectOk({ status: response.status, body }, 'upload lab report') as AttachmentView;
}

export async function searchDirectory(f: Factory, who: Credential, q: string): Promise<BusinessDirectoryEntry[]> {
  return expectOk(
    await f.http.get<BusinessDirectoryEntry[]>(`/api/businesses/directory?q=${encodeURIComponent(q)}`, { token: who.token }),
    'directory search',
  );
}

export async function incomingShipments(
  f: Factory,
  who: Credential,
  businessId: string,
  status: ShipmentStatusFilter = 'pending',
): Promise<Page<IncomingShipmentView>> {
  return expectOk(
    await f.http.get<Page<IncomingShipmentView>>(`/api/businesses/${businessId}/incoming-shipments?status=${status}`, { token: who.token }),
    'incoming shipments',
  );
}

export async function receiveShipment(
  f: Factory,
  who: Credential,
  shippingEventId: string,
  body?: ReceiveShipmentRequest,
): Promise<EventView> {
  return expectOk(
    await f.http.post<EventView>(`/api/shipments/${shippingEventId}/receive`, body, { token: who.token }),
    'receive shipment',
  );
}

export async function declareError(
  f: Factory,
  who: Credential,
  eventId: string,
  body: DeclareEventErrorRequest,
): Promise<ErrorDeclarationView> {
  return expectOk(
    await f.http.post<ErrorDeclarationView>(`/api/events/${eventId}/error-declaration`, body, { token: who.token }),
    'declare error',
  );
}
